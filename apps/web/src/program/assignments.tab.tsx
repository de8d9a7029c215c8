// Assign a person in charge and participants per activity, chosen by name from the users of the
// program's school (the people picker); the principal confirms to start execution.
import { useState } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api } from '../api/client';
import type { ActivityState } from '../api/types';
import { ErrorMessage } from '../components/feedback';
import { CheckboxGroup, SelectField } from '../components/field';
import { localDate, rupiah } from '../format';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';
import type { ProgramTabProps } from './program-tab';
import { personWithRole, type Directory } from './people';
import { hasRole, useSession } from '../session';
import { useAction, useAsync } from '../use-async';

interface Person {
  userId: string;
  name: string;
  roles: string[];
}

// Who may be in charge of an activity (the executors); participants may be anyone of the school.
const IN_CHARGE_ROLES = ['principal', 'qa_team', 'staff'];

function AssignmentRow({ activity, base, editable, people, directory, onDone }: {
  activity: ActivityState; base: string; editable: boolean; people: Person[]; directory: Directory | undefined; onDone(): void;
}) {
  const { t, lang } = useI18n();
  const [pic, setPic] = useState(activity.assignment?.personInCharge ?? '');
  const [participants, setParticipants] = useState<string[]>(activity.assignment?.participants ?? []);
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? []);
  const open = activity.status !== 'done' && activity.status !== 'dropped';
  const text = (p: Person) => `${p.name} (${p.roles.map((r) => label('role', r, lang)).join(', ')})`;
  const assign = async () => {
    const body = { personInCharge: pic, participants: participants.filter((p) => p !== pic) };
    if ((await run(() => api.post(`${base}/activities/${encodeURIComponent(activity.id)}/assignment`, body))) !== undefined) onDone();
  };
  const assigned = activity.assignment;
  return (
    <li className="card" data-testid={`assignment-${activity.id}`}>
      <h3>{activity.title || activity.id}</h3>
      <p className="muted">
        {label('activityKind', activity.kind, lang)} · {localDate(activity.window.start, lang)} – {localDate(activity.window.end, lang)} · {rupiah(activity.budget.amount)}
      </p>
      <p data-testid="person-in-charge">{t('personInCharge')}: <strong>{assigned ? personWithRole(directory, assigned.personInCharge, lang) : t('unassigned')}</strong></p>
      {assigned && assigned.participants.length > 0 && (
        <p data-testid="participants">{t('participantsLegend')}: {assigned.participants.map((p) => personWithRole(directory, p, lang)).join(', ')}</p>
      )}
      {editable && open && (
        <form onSubmit={(e) => { e.preventDefault(); void assign(); }}>
          <SelectField label={t('personInCharge')} value={pic} issue={issues.get('personInCharge')} onChange={(e) => setPic(e.target.value)}
            options={[{ value: '', text: `— ${t('choosePerson')} —` }, ...people.filter((p) => p.roles.some((r) => IN_CHARGE_ROLES.includes(r))).map((p) => ({ value: p.userId, text: text(p) }))]} />
          <CheckboxGroup legend={t('participantsLegend')} issue={issues.get('participants')} value={participants} onChange={setParticipants}
            options={people.filter((p) => p.userId !== pic).map((p) => ({ value: p.userId, text: text(p) }))} />
          <button type="submit" disabled={busy || !pic}>{t('assign')} <span className="sr-only">{activity.title}</span></button>
        </form>
      )}
      <ErrorMessage error={error} />
    </li>
  );
}

export function AssignmentsTab({ program, view, reload }: ProgramTabProps) {
  const { t } = useI18n();
  const { session } = useSession();
  const base = `/programs/${encodeURIComponent(program.programId)}`;
  const editable = (program.stage === 'assign' || program.stage === 'execute') && hasRole(session, 'principal');
  const people = useAsync(async () => (editable ? (await api.get<{ items: Person[] }>(`${base}/people`)).items : []), [base, editable]);
  const confirm = useAction();
  const onConfirm = async () => {
    if ((await confirm.run(() => api.post(`${base}/assignments/confirm`, {}))) !== undefined) reload();
  };
  return (
    <section aria-label={t('tabAssignments')}>
      <ErrorMessage error={people.error} />
      <ul className="plain">
        {program.plan.activities.map((a) => (
          <AssignmentRow key={`${a.id}-${a.assignment?.assignedAt ?? ''}`} activity={a} base={base} editable={editable}
            people={people.data ?? []} directory={view.people} onDone={reload} />
        ))}
      </ul>
      <ErrorMessage error={confirm.error} />
      {program.stage === 'assign' && hasRole(session, 'principal') && (
        <button type="button" className="primary" onClick={() => void onConfirm()} disabled={confirm.busy}>{t('confirmAssignments')}</button>
      )}
    </section>
  );
}
