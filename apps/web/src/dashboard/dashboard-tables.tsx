// The dashboard's tables: the school × stage matrix (each school drills down to its programs), the
// programs of one school (each links to the program) and realisation per BOSP component.
import { rupiah } from '../format';
import { useI18n } from '../i18n/i18n';
import { label, STAGES } from '../i18n/labels';
import { Link } from '../router';
import type { ComponentFigure, DashboardSchool } from './dashboard.types';

const pct = (p: number | null) => (p === null ? '—' : `${p.toLocaleString('id-ID')} %`);

export function StageMatrix({ schools, drillDown }: { schools: DashboardSchool[]; drillDown(schoolId: string): string }) {
  const { t, lang } = useI18n();
  return (
    // Scrolls sideways on a phone: focusable so a keyboard can scroll it too.
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="matrix-title">
      <table className="timeline" data-testid="dashboard-matrix">
        <thead>
          <tr>
            <th scope="col">{t('dashboardSchool')}</th>
            {STAGES.map((s) => <th key={s} scope="col">{label('stage', s, lang)}</th>)}
            <th scope="col">{t('dashboardOverdue')}</th>
            <th scope="col">{t('dashboardDueSoon')}</th>
            <th scope="col">{t('dashboardSignedOff')}</th>
            <th scope="col">{t('dashboardRealisation')}</th>
          </tr>
        </thead>
        <tbody>
          {schools.map((s) => (
            <tr key={s.schoolId} data-testid={`dashboard-school-${s.schoolId}`}>
              <th scope="row">
                <Link to={drillDown(s.schoolId)} aria-label={`${t('dashboardDrillDown')}: ${s.name}`}>{s.name}</Link>
                <div className="muted">{s.level}{s.subDistrict ? ` · ${s.subDistrict}` : ''}</div>
              </th>
              {STAGES.map((st) => <td key={st}>{s.byStage[st] || ''}</td>)}
              <td>{s.overdue > 0 ? <strong>{s.overdue}</strong> : 0}</td>
              <td>{s.dueWithin7Days}</td>
              <td>{s.signedOff}</td>
              <td>{pct(s.percent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SchoolPrograms({ school }: { school: DashboardSchool }) {
  const { t, lang } = useI18n();
  if (school.programs.length === 0) return <p>{t('dashboardNoPrograms')}</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('dashboardSchoolPrograms', { school: school.name })}>
      <table className="timeline" data-testid="dashboard-programs">
        <thead>
          <tr>
            <th scope="col">{t('dashboardPrograms')}</th>
            <th scope="col">{t('dashboardStage')}</th>
            <th scope="col">{t('dashboardOverdue')}</th>
            <th scope="col">{t('dashboardDueSoon')}</th>
            <th scope="col">{t('dashboardPlanned')}</th>
            <th scope="col">{t('dashboardRealised')}</th>
          </tr>
        </thead>
        <tbody>
          {school.programs.map((p) => (
            <tr key={p.programId}>
              <th scope="row"><Link to={`/programs/${encodeURIComponent(p.programId)}`}>{p.title}</Link></th>
              <td>{label('stage', p.stage, lang)}{p.signedOff ? ' ✓' : ''}</td>
              <td>{p.overdue}</td>
              <td>{p.dueWithin7Days}</td>
              <td>{rupiah(p.planned)}</td>
              <td>{rupiah(p.realised)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ComponentTable({ components }: { components: ComponentFigure[] }) {
  const { t } = useI18n();
  if (components.length === 0) return <p>{t('dashboardNoComponents')}</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="components-title">
      <table className="timeline" data-testid="dashboard-components">
        <thead>
          <tr>
            <th scope="col">{t('dashboardComponent')}</th>
            <th scope="col">{t('dashboardPlanned')}</th>
            <th scope="col">{t('dashboardRealised')}</th>
            <th scope="col">%</th>
          </tr>
        </thead>
        <tbody>
          {components.map((c) => (
            <tr key={c.code}>
              <th scope="row">{c.name}</th>
              <td>{rupiah(c.planned)}</td>
              <td>{rupiah(c.realised)}</td>
              <td>
                <meter min={0} max={100} value={Math.min(100, c.percent ?? 0)} aria-label={`${c.name} ${pct(c.percent)}`} /> {pct(c.percent)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
