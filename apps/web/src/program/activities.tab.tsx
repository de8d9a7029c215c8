// Execution: start an activity, record how it went, drop it with a reason, attach evidence.
import { useState } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api } from '../api/client';
import type { ActivityState, Program } from '../api/types';
import { ErrorMessage } from '../components/feedback';
import { TextArea, TextField } from '../components/field';
import { localDate, rupiah, todayIn } from '../format';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';
import type { ProgramTabProps } from './program-tab';
import { hasRole, useSession } from '../session';
import { useAction } from '../use-async';
import { EvidenceList } from './evidence.tab';
import { EvidenceUpload } from './evidence-upload';
import { RealisationDownloads } from './realisation-downloads';
import { StatutoryDeadlines } from './statutory-deadlines';
import { SpendingSection } from './spending-section';
import { personWithRole, type Directory } from './people';

function ActivityCard({ program, activity, people, reload }: { program: Program; activity: ActivityState; people: Directory | undefined; reload(): void }) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const today = todayIn(program.timeZone);
  const [exec, setExec] = useState({ actualStart: activity.startedAt?.slice(0, 10) ?? activity.window.start, actualEnd: today < activity.window.end ? today : activity.window.end, realisedCost: String(activity.budget.amount), outcome: '' });
  const [dropReason, setDropReason] = useState('');
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? []);
  const base = `/programs/${encodeURIComponent(program.programId)}/activities/${encodeURIComponent(activity.id)}`;
  const me = session?.user.userId;
  const isPic = activity.assignment?.personInCharge === me;
  const canRun = program.stage === 'execute' && (isPic || hasRole(session, 'principal'));
  const canDrop = (program.stage === 'execute' || program.stage === 'assign') && hasRole(session, 'principal') && (activity.status === 'planned' || activity.status === 'in_progress');
  const canAttach = (program.stage === 'execute' || (program.stage === 'document' && !program.submissions.documentation)) &&
    (activity.status === 'in_progress' || activity.status === 'done') && (isPic || hasRole(session, 'principal') || hasRole(session, 'qa_team'));
  const itemised = (activity.expenditures ?? []).length > 0;
  const act = async (path: string, body: unknown) => {
    if ((await run(() => api.post(`${base}/${path}`, body))) !== undefined) reload();
  };

  return (
    <li className="card activity" data-testid={`activity-${activity.id}`} data-status={activity.status}>
      <h3>{activity.title || activity.id}</h3>
      <p className="muted">
        {label('activityKind', activity.kind, lang)} · {t('window')}: {localDate(activity.window.start, lang)} – {localDate(activity.window.end, lang)} · {t('budget')}: {rupiah(activity.budget.amount)}
      </p>
      <p>{t('status')}: <strong className={`status ${activity.status}`}>{label('activityStatus', activity.status, lang)}</strong> · {t('personInCharge')}: {activity.assignment ? personWithRole(people, activity.assignment.personInCharge, lang) : t('unassigned')}</p>
      {activity.execution && (
        <p>{localDate(activity.execution.actualStart, lang)} – {localDate(activity.execution.actualEnd, lang)} · {t('realisedCost')}: {rupiah(activity.execution.realisedCost)} · {activity.execution.outcome}</p>
      )}
      {activity.dropReason && <p>{t('reason')}: {activity.dropReason}</p>}
      {canRun && activity.status === 'planned' && <button type="button" className="primary" disabled={busy} onClick={() => void act('start', {})}>{t('start')}</button>}
      {canRun && activity.status === 'in_progress' && (
        <form className="card inner" onSubmit={(e) => {
          e.preventDefault();
          // With expenditures recorded, the realised cost is their sum: the server computes it.
          const { realisedCost, ...rest } = exec;
          void act('complete', { ...rest, ...(itemised ? {} : { realisedCost: Math.round(Number(realisedCost) || 0) }), outcome: exec.outcome.trim() });
        }}>
          <div className="row">
            <TextField label={t('actualStart')} type="date" value={exec.actualStart} issue={issues.get('actualStart')} onChange={(e) => setExec({ ...exec, actualStart: e.target.value })} />
            <TextField label={t('actualEnd')} type="date" value={exec.actualEnd} issue={issues.get('actualEnd')} onChange={(e) => setExec({ ...exec, actualEnd: e.target.value })} />
            {!itemised && <TextField label={t('realisedCost')} type="number" inputMode="numeric" min={0} value={exec.realisedCost} hint={rupiah(Number(exec.realisedCost) || 0)}
              issue={issues.get('realisedCost')} onChange={(e) => setExec({ ...exec, realisedCost: e.target.value })} />}
          </div>
          <TextArea label={t('outcome')} rows={3} value={exec.outcome} issue={issues.get('outcome')} onChange={(e) => setExec({ ...exec, outcome: e.target.value })} />
          <button type="submit" className="primary" disabled={busy}>{t('complete')}</button>
        </form>
      )}
      {canDrop && (
        <details>
          <summary>{t('drop')}</summary>
          <form onSubmit={(e) => { e.preventDefault(); void act('drop', { reason: dropReason.trim() }); }}>
            <TextArea label={t('reason')} rows={2} value={dropReason} issue={issues.get('reason')} onChange={(e) => setDropReason(e.target.value)} />
            <button type="submit" className="danger" disabled={busy || !dropReason.trim()}>{t('drop')}</button>
          </form>
        </details>
      )}
      <ErrorMessage error={error} />
      <SpendingSection program={program} activity={activity} reload={reload} />
      <EvidenceList program={program} activity={activity} reload={reload} />
      {canAttach && <EvidenceUpload programId={program.programId} activityId={activity.id} defaultKind={activity.requiredEvidence[0] ?? 'photo'} onUploaded={reload} />}
    </li>
  );
}

export function ActivitiesTab({ program, view, reload }: ProgramTabProps) {
  const { t } = useI18n();
  return (
    <section aria-label={t('tabActivities')}>
      <RealisationDownloads program={program} />
      <StatutoryDeadlines schoolId={program.schoolId} budgetYear={program.budgetYear} />
      <ul className="plain">
        {program.plan.activities.map((a) => <ActivityCard key={a.id} program={program} activity={a} people={view.people} reload={reload} />)}
      </ul>
    </section>
  );
}
