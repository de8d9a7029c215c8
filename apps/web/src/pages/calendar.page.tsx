// A school's budget year, month by month: every deadline, reminder and escalation of its programs,
// with public holidays, collective leave and local days off.
import { api, query } from '../api/client';
import { calendarEntries, itemsOf, toListItem, type CalendarEntry } from '../api/types';
import { ErrorMessage, Loading } from '../components/feedback';
import { localDate, monthName, todayIn } from '../format';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';
import { Link } from '../router';
import { useAsync } from '../use-async';

export function CalendarPage({ schoolId, year }: { schoolId: string; year: number }) {
  const { t, lang } = useI18n();
  const res = useAsync(async () => {
    const [calendar, programs] = await Promise.all([
      api.get<{ schoolName?: string; timeZone?: string }>(`/calendar/schools/${encodeURIComponent(schoolId)}/${year}`),
      api.get(`/programs${query({ schoolId, budgetYear: year, limit: 100 })}`).catch(() => ({ items: [] })),
    ]);
    const titles = new Map(itemsOf(programs).map(toListItem).map((p) => [p.programId, p.title]));
    return { entries: calendarEntries(calendar), titles, schoolName: calendar.schoolName ?? schoolId, timeZone: calendar.timeZone };
  }, [schoolId, year]);
  const today = todayIn(res.data?.timeZone);
  const byMonth = new Map<number, CalendarEntry[]>();
  for (const e of res.data?.entries ?? []) {
    const m = Number(e.date.slice(5, 7)) - 1;
    if (m >= 0 && m < 12) byMonth.set(m, [...(byMonth.get(m) ?? []), e]);
  }

  return (
    <section aria-labelledby="cal-title">
      <h1 id="cal-title">{t('calendarTitle', { year })}</h1>
      <p className="muted">{res.data?.schoolName ?? schoolId}</p>
      <nav className="actions" aria-label={t('navCalendar')}>
        <Link to={`/calendar/${schoolId}/${year - 1}`}>← {t('previousYear')}</Link>
        <Link to={`/calendar/${schoolId}/${year + 1}`}>{t('nextYear')} →</Link>
      </nav>
      {res.loading && !res.data && <Loading />}
      <ErrorMessage error={res.error} />
      {res.data && res.data.entries.length === 0 && <p>{t('noDeadlines')}</p>}
      <div className="months" data-testid="calendar">
        {Array.from({ length: 12 }, (_, m) => (
          <section key={m} className="month card" aria-labelledby={`month-${m}`}>
            <h2 id={`month-${m}`}>{monthName(m, lang)} {year}</h2>
            {(byMonth.get(m) ?? []).length === 0 ? (
              <p className="muted">—</p>
            ) : (
              <ul className="plain">
                {byMonth.get(m)!.map((e, i) => (
                  <li key={i} className={`cal-entry ${e.kind}${e.date < today ? ' past' : ''}`}>
                    <time dateTime={e.date}>{localDate(e.date, lang)}</time> · <strong>{t(`kind_${e.kind}`)}</strong>
                    {e.stage ? ` · ${label('stage', e.stage, lang)}` : ''}
                    {e.kind === 'escalation' && e.label ? ` → ${label('role', e.label, lang)}` : e.label ? ` · ${e.label}` : ''}
                    {e.extended ? ` · ${t('extended')}` : ''}
                    {e.programId && <> · <Link to={`/programs/${e.programId}`}>{res.data?.titles.get(e.programId) ?? e.programId}</Link></>}
                    {e.activityId ? ` (${e.activityId})` : ''}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
