// Assign a person in charge and participants per activity; the principal confirms to start execution.
import { useState } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api } from '../api/client';
import type { ActivityState } from '../api/types';
import { ErrorMessage } from '../components/feedback';
import { TextField } from '../components/field';
import { localDate, rupiah } from '../format';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';
import type { ProgramTabProps } from './program-tab';
import { hasRole, useSession } from '../session';
import { useAction } from '../use-async';

function AssignmentRow({ activity, base, editable, onDone }: { activity: ActivityState; base: string; editable: boolean; onDone(): void }) {
  const { t, lang } = useI18n();
  const [pic, setPic] = useState(activity.assignment?.personInCharge ?? '');
  const [participants, setParticipants] = useState(activity.assignment?.participants.join(', ') ?? '');
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? []);
  const open = activity.status !== 'done' && activity.status !== 'dropped';
  const assign = async () => {
    const body = { personInCharge: pic.trim(), participants: participants.split(',').map((p) => p.trim()).filter(Boolean) };
    if ((await run(() => api.post(`${base}/activities/${encodeURIComponent(activity.id)}/assignment`, body))) !== undefined) onDone();
  };
  return (
    <li className="card" data-testid={`assignment-${activity.id}`}>
      <h3>{activity.title || activity.id}</h3>
      <p className="muted">
        {label('activityKind', activity.kind, lang)} · {localDate(activity.window.start, lang)} – {localDate(activity.window.end, lang)} · {rupiah(activity.budget.amount)}
      </p>
      <p>{t('personInCharge')}: <strong>{activity.assignment?.personInCharge ?? t('unassigned')}</strong></p>
      {editable && open && (
        <form className="row" onSubmit={(e) => { e.preventDefault(); void assign(); }}>
          <TextField label={t('personInCharge')} value={pic} onChange={(e) => setPic(e.target.value)} issue={issues.get('personInCharge')} />
          <TextField label={t('participants')} value={participants} onChange={(e) => setParticipants(e.target.value)} issue={issues.get('participants')} />
          <button type="submit" disabled={busy || !pic.trim()}>{t('assign')} <span className="sr-only">{activity.title}</span></button>
        </form>
      )}
      <ErrorMessage error={error} />
    </li>
  );
}

export function AssignmentsTab({ program, reload }: ProgramTabProps) {
  const { t } = useI18n();
  const { session } = useSession();
  const base = `/programs/${encodeURIComponent(program.programId)}`;
  const editable = (program.stage === 'assign' || program.stage === 'execute') && hasRole(session, 'principal');
  const confirm = useAction();
  const onConfirm = async () => {
    if ((await confirm.run(() => api.post(`${base}/assignments/confirm`, {}))) !== undefined) reload();
  };
  return (
    <section aria-label={t('tabAssignments')}>
      <ul className="plain">
        {program.plan.activities.map((a) => (
          <AssignmentRow key={`${a.id}-${a.assignment?.assignedAt ?? ''}`} activity={a} base={base} editable={editable} onDone={reload} />
        ))}
      </ul>
      <ErrorMessage error={confirm.error} />
      {program.stage === 'assign' && hasRole(session, 'principal') && (
        <button type="button" className="primary" onClick={() => void onConfirm()} disabled={confirm.busy}>{t('confirmAssignments')}</button>
      )}
    </section>
  );
}
