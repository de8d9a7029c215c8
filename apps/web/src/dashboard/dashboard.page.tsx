// The education office's dashboard: counters, realisation per BOSP component and the school ×
// stage matrix of a region and budget year, filtered by level and sub-district; a school drills
// down to its programs; the same view downloads as XLSX; a program template starts at schools.
import { useState } from 'react';
import { api, authHeader, query } from '../api/client';
import { failureFrom, type ApiFailure } from '../api/api-failure';
import { ErrorMessage, Loading } from '../components/feedback';
import { useI18n } from '../i18n/i18n';
import { Link, navigate, useLocation } from '../router';
import { useAsync } from '../use-async';
import { DashboardFilters, type DashboardFilterValues } from './dashboard-filters';
import { ComponentTable, SchoolPrograms, StageMatrix } from './dashboard-tables';
import type { RegionDashboard } from './dashboard.types';
import { TemplateStartForm } from './template-start.form';

function Counter({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="card counter" data-testid={testId}>
      <div className="counter-value">{value}</div>
      <div className="muted">{label}</div>
    </div>
  );
}

export function DashboardPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const filters: DashboardFilterValues = {
    budgetYear: Number(search.get('budgetYear')) || new Date().getFullYear(),
    level: search.get('level') ?? '',
    subDistrict: search.get('subDistrict') ?? '',
  };
  const schoolId = search.get('schoolId') ?? '';
  const params = { budgetYear: filters.budgetYear, level: filters.level, subDistrict: filters.subDistrict };
  const qs = query({ ...params, schoolId });
  const data = useAsync(() => api.get<RegionDashboard>(`/dashboard/region${qs}`), [qs]);
  const [exportError, setExportError] = useState<ApiFailure | undefined>();
  const d = data.data;

  const exportXlsx = async () => {
    setExportError(undefined);
    const res = await fetch(`/dashboard/region/xlsx${qs}`, { headers: authHeader(), credentials: 'same-origin' });
    if (!res.ok) return setExportError(failureFrom(res.status, await res.json().catch(() => null)));
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `dasbor-${d?.regionId ?? 'wilayah'}-${filters.budgetYear}.xlsx`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const school = schoolId ? d?.schools.find((s) => s.schoolId === schoolId) : undefined;

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboardTitle')}</h1>
      {d && <p className="muted">{t('dashboardIntro', { region: d.regionName, today: d.today })}</p>}
      <DashboardFilters key={qs} value={filters} choices={d?.choices} onChange={(v) => navigate(`/dashboard${query({ ...v })}`)} />
      <div className="row">
        <button type="button" onClick={() => void exportXlsx()} data-testid="dashboard-export">{t('dashboardExport')}</button>
      </div>
      <ErrorMessage error={exportError} />
      {data.loading && !d && <Loading />}
      <ErrorMessage error={data.error} />
      {d && (
        <>
          <div className="counters" data-testid="dashboard-counters">
            <Counter label={t('dashboardSchools')} value={d.counters.schools} testId="counter-schools" />
            <Counter label={t('dashboardPrograms')} value={d.counters.programs} testId="counter-programs" />
            <Counter label={t('dashboardOverdue')} value={d.counters.overdueDeadlines} testId="counter-overdue" />
            <Counter label={t('dashboardDueSoon')} value={d.counters.dueWithin7Days} testId="counter-due-soon" />
            <Counter label={t('dashboardSignedOff')} value={d.counters.signedOff} testId="counter-signed-off" />
          </div>
          {school ? (
            <>
              <h2 id="school-title">{t('dashboardSchoolPrograms', { school: school.name })}</h2>
              <Link to={`/dashboard${query(params)}`}>{t('dashboardBack')}</Link>
              <SchoolPrograms school={school} />
            </>
          ) : (
            <>
              <h2 id="matrix-title">{t('dashboardMatrix')}</h2>
              <StageMatrix schools={d.schools} drillDown={(id) => `/dashboard${query({ ...params, schoolId: id })}`} />
            </>
          )}
          <h2 id="components-title">{t('dashboardComponents')}</h2>
          <ComponentTable components={d.components} />
          {!school && <TemplateStartForm key={filters.budgetYear} schools={d.schools} budgetYear={filters.budgetYear} onStarted={data.reload} />}
        </>
      )}
    </section>
  );
}
