// The plan form: objectives, SNP standard, indicators and activities, with the API's field issues.
import type { Plan, PlannedActivity } from '../api/types';
import { issueText as issueOf } from '../i18n/errors';
import { CheckboxGroup, SelectField, TextArea, TextField } from '../components/field';
import { rupiah } from '../format';
import { useI18n } from '../i18n/i18n';
import { label, optionsOf } from '../i18n/labels';
import { api } from '../api/client';
import { useAsync } from '../use-async';

interface Props {
  plan: Plan;
  onChange(plan: Plan): void;
  issues: Map<string, string>;
  readOnly: boolean;
  budgetYear: number;
}

function newActivity(plan: Plan, year: number): PlannedActivity {
  const used = new Set(plan.activities.map((a) => a.id));
  let n = plan.activities.length + 1;
  while (used.has(`act-${n}`)) n++;
  return { id: `act-${n}`, title: '', kind: 'teacher_training', window: { start: `${year}-01-02`, end: `${year}-01-02` }, budget: { line: '', amount: 0 }, location: '', requiredEvidence: ['photo'] };
}

function StringList({ legend, itemLabel, addText, values, path, issues, readOnly, onChange }: {
  legend: string; itemLabel: (n: number) => string; addText: string; values: string[]; path: string;
  issues: Map<string, string>; readOnly: boolean; onChange(v: string[]): void;
}) {
  const { t, lang } = useI18n();
  return (
    <fieldset className={issues.has(path) ? 'has-issue' : ''}>
      <legend>{legend}</legend>
      {issues.has(path) && <span className="field-issue" role="alert">{issueOf(issues.get(path)!, lang)}</span>}
      {values.map((v, i) => (
        <div className="row" key={i}>
          <TextArea label={itemLabel(i + 1)} rows={2} value={v} readOnly={readOnly} issue={issues.get(`${path}.${i}`)}
            onChange={(e) => onChange(values.map((x, j) => (j === i ? e.target.value : x)))} />
          {!readOnly && <button type="button" className="link-button" onClick={() => onChange(values.filter((_, j) => j !== i))}>{t('remove')} <span className="sr-only">{itemLabel(i + 1)}</span></button>}
        </div>
      ))}
      {!readOnly && <button type="button" onClick={() => onChange([...values, ''])}>{addText}</button>}
    </fieldset>
  );
}


export function PlanEditor({ plan, onChange, issues, readOnly, budgetYear }: Props) {
  const { t, lang } = useI18n();
  const setActivity = (i: number, patch: Partial<PlannedActivity>) =>
    onChange({ ...plan, activities: plan.activities.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  // The budget year's BOSP components (none when the year has no list: the line stays free text).
  const bosp = useAsync(() => api.get<{ components: { code: string; name: string }[] }>(`/bosp/components/${budgetYear}`), [budgetYear]);
  const components = bosp.data?.components ?? [];
  const windowIssue = (i: number, end: 'start' | 'end') => issues.get(`activities.${i}.window.${end}`) ?? issues.get(`activities.${i}.window`);

  return (
    <div className="plan-editor">
      <StringList legend={t('objectives')} itemLabel={(n) => t('objective', { n })} addText={t('addObjective')} values={plan.objectives}
        path="objectives" issues={issues} readOnly={readOnly} onChange={(objectives) => onChange({ ...plan, objectives })} />
      <SelectField label={t('standard')} value={plan.standard ?? ''} disabled={readOnly} issue={issues.get('standard')}
        onChange={(e) => onChange({ ...plan, standard: (e.target.value || null) as Plan['standard'] })}
        options={[{ value: '', text: t('chooseStandard') }, ...optionsOf('standard').map((s) => ({ value: s, text: label('standard', s, lang) }))]} />
      <StringList legend={t('indicators')} itemLabel={(n) => t('indicator', { n })} addText={t('addIndicator')} values={plan.indicators}
        path="indicators" issues={issues} readOnly={readOnly} onChange={(indicators) => onChange({ ...plan, indicators })} />
      <fieldset className={issues.has('activities') ? 'has-issue' : ''}>
        <legend>{t('activities')}</legend>
        {issues.has('activities') && <span className="field-issue" role="alert">{issueOf(issues.get('activities')!, lang)}</span>}
        {plan.activities.map((a, i) => (
          <fieldset key={i} className="activity-edit card" data-testid={`activity-edit-${i}`}>
            <legend>{t('activity', { n: i + 1 })} ({a.id})</legend>
            <TextField label={t('activityTitle')} value={a.title} readOnly={readOnly} issue={issues.get(`activities.${i}.title`) ?? issues.get(`activities.${i}.id`)}
              onChange={(e) => setActivity(i, { title: e.target.value })} />
            <SelectField label={t('activityKind')} value={a.kind} disabled={readOnly} issue={issues.get(`activities.${i}.kind`)}
              onChange={(e) => setActivity(i, { kind: e.target.value as PlannedActivity['kind'] })}
              options={optionsOf('activityKind').map((k) => ({ value: k, text: label('activityKind', k, lang) }))} />
            <div className="row">
              <TextField label={t('windowStart')} type="date" min={`${budgetYear}-01-01`} max={`${budgetYear}-12-31`} value={a.window.start} readOnly={readOnly}
                issue={windowIssue(i, 'start')} onChange={(e) => setActivity(i, { window: { ...a.window, start: e.target.value } })} />
              <TextField label={t('windowEnd')} type="date" min={`${budgetYear}-01-01`} max={`${budgetYear}-12-31`} value={a.window.end} readOnly={readOnly}
                issue={issues.get(`activities.${i}.window.end`)} onChange={(e) => setActivity(i, { window: { ...a.window, end: e.target.value } })} />
            </div>
            {components.length > 0 && (
              <SelectField label={t('budgetComponent')} value={a.budget.component ?? ''} disabled={readOnly} issue={issues.get(`activities.${i}.budget.component`)}
                onChange={(e) => {
                  const picked = components.find((c) => c.code === e.target.value);
                  const { component: _old, ...rest } = a.budget;
                  setActivity(i, { budget: picked ? { ...rest, component: picked.code, line: rest.line || picked.name } : rest });
                }}
                options={[{ value: '', text: t('componentNone') }, ...components.map((c) => ({ value: c.code, text: c.name }))]} />
            )}
            <div className="row">
              <TextField label={t('budgetLine')} value={a.budget.line} readOnly={readOnly} issue={issues.get(`activities.${i}.budget.line`)}
                onChange={(e) => setActivity(i, { budget: { ...a.budget, line: e.target.value } })} />
              <TextField label={t('budgetAmount')} type="number" inputMode="numeric" min={0} step={1000} value={String(a.budget.amount)} readOnly={readOnly}
                hint={rupiah(a.budget.amount)} issue={issues.get(`activities.${i}.budget.amount`)}
                onChange={(e) => setActivity(i, { budget: { ...a.budget, amount: Math.max(0, Math.round(Number(e.target.value) || 0)) } })} />
            </div>
            <TextField label={t('location')} value={a.location} readOnly={readOnly} issue={issues.get(`activities.${i}.location`)}
              onChange={(e) => setActivity(i, { location: e.target.value })} />
            <CheckboxGroup legend={t('requiredEvidence')} value={a.requiredEvidence} disabled={readOnly} issue={issues.get(`activities.${i}.requiredEvidence`)}
              onChange={(v) => setActivity(i, { requiredEvidence: v as PlannedActivity['requiredEvidence'] })}
              options={optionsOf('evidenceKind').map((k) => ({ value: k, text: label('evidenceKind', k, lang) }))} />
            {!readOnly && (
              <button type="button" className="link-button" onClick={() => onChange({ ...plan, activities: plan.activities.filter((_, j) => j !== i) })}>
                {t('remove')} <span className="sr-only">{t('activity', { n: i + 1 })}</span>
              </button>
            )}
          </fieldset>
        ))}
        {!readOnly && <button type="button" onClick={() => onChange({ ...plan, activities: [...plan.activities, newActivity(plan, budgetYear)] })}>{t('addActivity')}</button>}
      </fieldset>
      <p><strong>{t('totalBudget')}: {rupiah(plan.activities.reduce((s, a) => s + a.budget.amount, 0))}</strong></p>
    </div>
  );
}
