// Plan tab: the editor while the plan is a draft, the supervisor's decision once it is submitted.
import { useState } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api } from '../api/client';
import type { Plan, Program } from '../api/types';
import { ErrorMessage, Notice } from '../components/feedback';
import { dateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';
import type { ProgramTabProps } from './program-tab';
import { hasRole, useSession } from '../session';
import { useAction } from '../use-async';
import { DecisionPanel } from './decision-panel';
import { PlanEditor } from './plan-editor';
import { personName, type Directory } from './people';

function draftOf(program: Program): Plan {
  const p = program.plan;
  return {
    objectives: [...p.objectives],
    standard: p.standard,
    indicators: [...p.indicators],
    activities: p.activities.map((a) => ({
      id: a.id, title: a.title, kind: a.kind, window: { ...a.window }, budget: { ...a.budget }, location: a.location, requiredEvidence: [...a.requiredEvidence],
    })),
  };
}

export function PlanTab({ program, view, reload }: ProgramTabProps) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const [plan, setPlan] = useState<Plan>(() => draftOf(program));
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const base = `/programs/${encodeURIComponent(program.programId)}`;
  const submitted = program.submissions.plan !== null;
  const editable = program.stage === 'plan' && !submitted && (hasRole(session, 'principal') || hasRole(session, 'qa_team'));
  const canSubmit = editable && hasRole(session, 'principal');
  const canDecide = program.stage === 'plan' && submitted && hasRole(session, program.approvalPolicy.plan.role);
  const issues = issuesUnder(error?.issues ?? [], 'plan.');

  const save = () => run(() => api.put(`${base}/plan`, { plan }));
  const onSave = async () => {
    setNotice(null);
    if ((await save()) !== undefined) {
      setDirty(false);
      setNotice(t('saved'));
      reload();
    }
  };
  const onSubmit = async () => {
    setNotice(null);
    if (dirty && (await save()) === undefined) return;
    setDirty(false);
    if ((await run(() => api.post(`${base}/plan/submit`, {}))) !== undefined) {
      setNotice(t('done'));
      reload();
    }
  };

  return (
    <section aria-label={t('tabPlan')}>
      {/* Approvers (often on a phone) see their decision first, the plan below it. */}
      {canDecide && <DecisionPanel title={t('decidePlan')} path={`${base}/plan/decision`} onDone={reload} />}
      {!editable && <p className="muted">{t('planReadOnly')}</p>}
      <PlanEditor plan={plan} budgetYear={program.budgetYear} readOnly={!editable} issues={issues}
        onChange={(p) => { setPlan(p); setDirty(true); }} />
      {error && error.issues.length > 0 && <p className="error">{t('fixFields')}</p>}
      <ErrorMessage error={error} />
      <Notice text={notice} />
      {editable && (
        <div className="actions sticky-actions">
          <button type="button" onClick={() => void onSave()} disabled={busy}>{t('savePlan')}</button>
          {canSubmit && <button type="button" className="primary" onClick={() => void onSubmit()} disabled={busy}>{t('submitPlan')}</button>}
        </div>
      )}
      <Approvals program={program} stage="plan" lang={lang} title={t('approvals')} people={view.people} />
    </section>
  );
}

export function Approvals({ program, stage, lang, title, people }: { program: Program; stage: string; lang: 'id' | 'en'; title: string; people?: Directory }) {
  const rows = program.approvals.filter((a) => a.stage === stage);
  if (rows.length === 0) return null;
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <ul className="plain" data-testid={`approvals-${stage}`}>
        {rows.map((a, i) => (
          <li key={i}>
            <strong>{a.decision === 'approve' ? '✓' : '✕'} {personName(people, a.by)}</strong> ({label('role', a.role, lang)}) · {dateTime(a.at, lang, program.timeZone)}
            {a.reason ? ` — “${a.reason}”` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
