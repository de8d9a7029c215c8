// The dashboard's filters (budget year, school level, sub-district), kept in the page's URL so a
// filtered view can be shared and the back button restores it.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import type { RegionDashboard } from './dashboard.types';

export interface DashboardFilterValues {
  budgetYear: number;
  level: string;
  subDistrict: string;
}

export function DashboardFilters({ value, choices, onChange }: { value: DashboardFilterValues; choices: RegionDashboard['choices'] | undefined; onChange(v: DashboardFilterValues): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange(draft);
  };
  return (
    <form className="row card" onSubmit={submit} aria-label={t('dashboardApply')} data-testid="dashboard-filters">
      <label>
        {t('dashboardYear')}
        <input type="number" min={2000} max={2100} value={draft.budgetYear} onChange={(e) => setDraft({ ...draft, budgetYear: Number(e.target.value) })} />
      </label>
      <label>
        {t('dashboardLevel')}
        <select value={draft.level} onChange={(e) => setDraft({ ...draft, level: e.target.value })}>
          <option value="">{t('dashboardAll')}</option>
          {(choices?.levels ?? []).map((l) => <option key={l} value={l}>{l}</option>)}
        </select>
      </label>
      <label>
        {t('dashboardSubDistrict')}
        <select value={draft.subDistrict} onChange={(e) => setDraft({ ...draft, subDistrict: e.target.value })}>
          <option value="">{t('dashboardAll')}</option>
          {(choices?.subDistricts ?? []).map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <button type="submit">{t('dashboardApply')}</button>
    </form>
  );
}
