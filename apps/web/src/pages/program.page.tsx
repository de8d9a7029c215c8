// One program: header, stage timeline with the deadline countdown, what it waits for, and tabs.
import { api } from '../api/client';
import { calendarEntries, programOf, type Program, type ProgramView } from '../api/types';
import { ErrorMessage, Loading } from '../components/feedback';
import { rupiah } from '../format';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';
import { ActivitiesTab } from '../program/activities.tab';
import { AssignmentsTab } from '../program/assignments.tab';
import { EvidenceTab } from '../program/evidence.tab';
import { HistoryTab } from '../program/history.tab';
import { PlanTab } from '../program/plan.tab';
import { ReportTab } from '../program/report.tab';
import { DeadlineCountdown, StageTimeline } from '../program/stage-timeline';
import { DeadlinesSection } from '../program/deadlines-section';
import { CancellationPanel } from '../program/cancellation-panel';
import { schoolText } from '../program/people';
import type { ProgramTabProps } from '../program/program-tab';
import { Tabs } from '../program/tabs';
import { Link, navigate, useLocation } from '../router';
import { hasRole, useSession } from '../session';
import { useAsync } from '../use-async';

const TAB_IDS = ['plan', 'assignments', 'activities', 'evidence', 'report', 'history'] as const;
const DEFAULT_TAB: Record<string, string> = { plan: 'plan', assign: 'assignments', execute: 'activities', document: 'evidence', report: 'report' };

/** The current stage's due date: a granted extension wins over the computed schedule. */
async function stageDueDate(program: Program): Promise<string | null> {
  const ext = [...program.deadlineExtensions].reverse().find((e) => e.stage === program.stage && !e.activityId);
  if (ext) return ext.newDueDate;
  try {
    const entries = calendarEntries(await api.get(`/calendar/schools/${program.schoolId}/${program.budgetYear}`));
    const mine = entries.filter((e) => e.programId === program.programId && e.stage === program.stage && e.kind === 'due');
    const stageWide = mine.filter((e) => !e.activityId);
    const pool = stageWide.length ? stageWide : mine;
    return pool.map((e) => e.date).sort()[0] ?? null;
  } catch {
    return null; // The countdown is a convenience; the page works without the calendar.
  }
}

export function ProgramPage({ programId }: { programId: string }) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { search } = useLocation();
  const res = useAsync(() => api.get<ProgramView>(`/programs/${encodeURIComponent(programId)}`), [programId]);
  const program = res.data ? programOf(res.data) : null;
  const due = useAsync(async () => (program ? stageDueDate(program) : null), [program?.programId, program?.stage, program?.version]);

  if (res.loading && !res.data) return <Loading />;
  if (res.error && !res.data) return <ErrorMessage error={res.error} />;
  if (!res.data || !program) return <p>{t('notFoundPage')}</p>;

  const tabParam = search.get('tab');
  const active = tabParam && (TAB_IDS as readonly string[]).includes(tabParam) ? tabParam : (DEFAULT_TAB[program.stage] ?? 'history');
  const select = (id: string) => navigate(`/programs/${programId}?tab=${id}`, true);
  const props: ProgramTabProps = { program, view: res.data, reload: res.reload };
  const total = program.plan.activities.reduce((sum, a) => sum + a.budget.amount, 0);
  const activityTitle = (id: string) => program.plan.activities.find((a) => a.id === id)?.title || id;
  const canAudit = hasRole(session, 'auditor') || hasRole(session, 'admin') || hasRole(session, 'supervisor') || hasRole(session, 'district_officer');

  return (
    <article aria-labelledby="program-title" data-stage={program.stage} data-version={program.version}>
      <header className="program-header">
        <h1 id="program-title">{program.title}</h1>
        <p className="muted">
          <span data-testid="program-school">{schoolText(res.data.school, program.schoolId)}</span> · {t('filterYear')} {program.budgetYear} · {t('currentStage')}:{' '}
          <strong data-testid="stage">{label('stage', program.stage, lang)}</strong> · {t('version')} {program.version} · {t('totalBudget')}: {rupiah(total)}
        </p>
        {canAudit && <Link to={`/programs/${programId}/audit`}>{t('auditView')}</Link>}
      </header>
      <StageTimeline program={program} />
      <DeadlineCountdown dueDate={due.data ?? null} timeZone={program.timeZone} />
      <DeadlinesSection view={res.data} timeZone={program.timeZone} onChange={res.reload}
        canExtend={hasRole(session, 'supervisor') && program.stage !== 'closed' && program.stage !== 'cancelled'} />
      <CancellationPanel program={program} view={res.data} reload={res.reload} />
      {res.data.pendingDecisions.length > 0 && (
        <p className="waiting" data-testid="waiting-on">
          {t('waitingOn')}:{' '}
          {res.data.pendingDecisions.map((d) => `${label('task', d.kind, lang)} (${label('role', d.role, lang)}${d.activityId ? ` · ${activityTitle(d.activityId)}` : ''})`).join('; ')}
        </p>
      )}
      <ErrorMessage error={res.error} />
      <Tabs
        label={program.title}
        active={active}
        onSelect={select}
        tabs={[
          { id: 'plan', title: t('tabPlan') },
          { id: 'assignments', title: t('tabAssignments') },
          { id: 'activities', title: t('tabActivities') },
          { id: 'evidence', title: t('tabEvidence') },
          { id: 'report', title: t('tabReport') },
          { id: 'history', title: t('tabHistory') },
        ]}
      >
        {active === 'plan' && <PlanTab key={program.planVersion} {...props} />}
        {active === 'assignments' && <AssignmentsTab {...props} />}
        {active === 'activities' && <ActivitiesTab {...props} />}
        {active === 'evidence' && <EvidenceTab {...props} />}
        {active === 'report' && <ReportTab {...props} />}
        {active === 'history' && <HistoryTab {...props} />}
      </Tabs>
    </article>
  );
}
