// Starts one program template at the schools ticked here: a plan skeleton of one activity (BOSP
// component, amount, window) that every school's principal then edits as their own plan.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { ApiFailure } from '../api/api-failure';
import { ErrorMessage } from '../components/feedback';
import { useI18n } from '../i18n/i18n';
import { useAsync } from '../use-async';
import type { DashboardSchool } from './dashboard.types';

interface Started { templateId: string; schools: number; alreadyStarted: boolean }

export function TemplateStartForm({ schools, budgetYear, onStarted }: { schools: DashboardSchool[]; budgetYear: number; onStarted(): void }) {
  const { t } = useI18n();
  const components = useAsync(() => api.get<{ components: { code: string; name: string }[] }>(`/bosp/components/${budgetYear}`), [budgetYear]);
  // A fresh code per form, from the clock once (the state initialiser runs on the first render only).
  const [f, setF] = useState(() => ({
    templateId: `tpl-${budgetYear}-${Date.now().toString(36)}`,
    title: '',
    objective: '',
    activity: '',
    component: '',
    amount: 0,
    start: `${budgetYear}-03-01`,
    end: `${budgetYear}-03-31`,
  }));
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<ApiFailure | undefined>();
  const [done, setDone] = useState<Started | undefined>();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: k === 'amount' ? Number(e.target.value) : e.target.value });
  const list = components.data?.components ?? [];
  const component = f.component || list[0]?.code || '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const plan = {
      objectives: f.objective ? [f.objective] : [],
      standard: null,
      indicators: [],
      activities: [{
        id: 'act-1', title: f.activity, kind: 'other', window: { start: f.start, end: f.end },
        budget: { line: list.find((c) => c.code === component)?.name ?? component, amount: f.amount, ...(component ? { component } : {}) },
        location: '', requiredEvidence: ['photo'],
      }],
    };
    try {
      setDone(await api.post<Started>('/program-templates', { templateId: f.templateId, title: f.title, budgetYear, plan, schoolIds: picked }));
      onStarted();
    } catch (err) {
      setError(err as ApiFailure);
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="template-title" data-testid="template-form">
      <h2 id="template-title">{t('templateTitle')}</h2>
      <p className="muted">{t('templateIntro')}</p>
      <label>{t('templateId')}<input value={f.templateId} onChange={set('templateId')} required maxLength={60} pattern="[A-Za-z0-9_\-]+" /></label>
      <label>{t('templateProgramTitle')}<input value={f.title} onChange={set('title')} required maxLength={300} /></label>
      <label>{t('templateObjective')}<input value={f.objective} onChange={set('objective')} maxLength={1000} /></label>
      <label>{t('templateActivity')}<input value={f.activity} onChange={set('activity')} required maxLength={300} /></label>
      <label>
        {t('dashboardComponent')}
        <select value={component} onChange={set('component')}>
          {list.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
        </select>
      </label>
      <label>{t('templateAmount')}<input type="number" min={0} step={1000} value={f.amount} onChange={set('amount')} /></label>
      <div className="row">
        <label>{t('templateStart')}<input type="date" value={f.start} onChange={set('start')} required /></label>
        <label>{t('templateEnd')}<input type="date" value={f.end} onChange={set('end')} required /></label>
      </div>
      <fieldset>
        <legend>{t('templateSchools')}</legend>
        {schools.map((s) => (
          <label key={s.schoolId} className="check">
            <input
              type="checkbox"
              checked={picked.includes(s.schoolId)}
              onChange={(e) => setPicked(e.target.checked ? [...picked, s.schoolId] : picked.filter((id) => id !== s.schoolId))}
            />
            {s.name}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={picked.length === 0}>{t('templateSubmit', { n: picked.length })}</button>
      <ErrorMessage error={error} />
      {done && (
        <p role="status" data-testid="template-result">
          {t(done.alreadyStarted ? 'templateAlreadyStarted' : 'templateStarted', { id: done.templateId, n: done.schools })}
        </p>
      )}
    </form>
  );
}
