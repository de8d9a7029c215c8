// "What is waiting for me": the inbox from /me/tasks, with due-soon and overdue counts.
import { api } from '../api/client';
import { itemsOf, toTask, type Task } from '../api/types';
import { ErrorMessage, Loading } from '../components/feedback';
import { daysBetween, localDate, dateTime, todayIn } from '../format';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';
import { Link } from '../router';
import { hasRole, useSession } from '../session';
import { useAsync } from '../use-async';
import { StatutoryDeadlines } from '../program/statutory-deadlines';

interface Notification {
  id: string;
  text: string;
  at: string | null;
}

export function HomePage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const tasks = useAsync(async () => itemsOf(await api.get('/me/tasks'), 'tasks').map(toTask), []);
  // Programs in my scope that missed a deadline (capped at one page: "100+" beyond).
  const lateProgram = useAsync(async () => {
    const body = await api.get<{ items: unknown[]; nextCursor?: string | null }>('/programs?overdue=true&limit=100');
    return { n: itemsOf(body).length, more: !!body.nextCursor };
  }, []);
  const notes = useAsync(async () => {
    const rows = itemsOf(await api.get('/me/notifications'), 'notifications');
    return rows.map((r, i): Notification => ({
      id: String(r.id ?? r.notificationId ?? i),
      text: String((lang === 'en' ? r.textEn ?? r.subjectEn : r.textId ?? r.subjectId) ?? r.subject ?? r.text ?? r.kind ?? ''),
      at: typeof r.at === 'string' ? r.at : typeof r.createdAt === 'string' ? r.createdAt : null,
    }));
  }, [lang]);

  const today = todayIn();
  const list: Task[] = tasks.data ?? [];
  const overdue = list.filter((x) => x.dueDate && x.dueDate < today).length;
  const dueSoon = list.filter((x) => x.dueDate && x.dueDate >= today && daysBetween(today, x.dueDate) <= 7).length;

  return (
    <section aria-labelledby="home-title">
      <p className="muted">{t('greeting', { name: session?.user.name ?? session?.user.userId ?? '' })}</p>
      <h1 id="home-title">{t('homeTitle')}</h1>
      <ul className="stats" aria-label={t('waitingTasks')}>
        <li className="stat"><span className="stat-n" data-testid="count-waiting">{list.length}</span> {t('waitingTasks')}</li>
        <li className="stat warn"><span className="stat-n" data-testid="count-due-soon">{dueSoon}</span> {t('dueSoon')}</li>
        <li className="stat danger"><span className="stat-n" data-testid="count-overdue">{overdue}</span> {t('overdue')}</li>
        {lateProgram.data && (
          <li className="stat danger">
            <span className="stat-n" data-testid="count-overdue-programs">{lateProgram.data.n}{lateProgram.data.more ? '+' : ''}</span>{' '}
            <Link to="/programs?overdue=true">{t('overduePrograms')}</Link>
          </li>
        )}
      </ul>
      {tasks.loading && !tasks.data && <Loading />}
      <ErrorMessage error={tasks.error} />
      {tasks.data && list.length === 0 && <p>{t('inboxEmpty')}</p>}
      <ul className="inbox" data-testid="inbox">
        {list.map((task) => (
          <li key={task.taskId || `${task.programId}-${task.kind}-${task.activityId}`} className={task.dueDate && task.dueDate < today ? 'overdue' : ''}>
            <Link to={`/programs/${task.programId}`}>
              <strong>{label('task', task.kind, lang)}</strong>
              {task.programTitle ? ` — ${task.programTitle}` : ''}
            </Link>
            <span className="muted">
              {' '}{label('stage', task.stage, lang)}
              {task.since ? ` · ${t('since', { date: dateTime(task.since, lang) })}` : ''}
              {task.dueDate ? ` · ${t('dueOn', { date: localDate(task.dueDate, lang) })}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {/* The principal's statutory BOSP reports of the current budget year, per school. */}
      {hasRole(session, 'principal') && session?.user.schoolIds.map((schoolId) => (
        <StatutoryDeadlines key={schoolId} schoolId={schoolId} budgetYear={Number(today.slice(0, 4))} />
      ))}
      {notes.data && notes.data.length > 0 && (
        <section aria-labelledby="notes-title">
          <h2 id="notes-title">{t('notifications')}</h2>
          <ul className="plain">
            {notes.data.slice(0, 10).map((n) => (
              <li key={n.id}>{n.text} <span className="muted">{dateTime(n.at, lang)}</span></li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
