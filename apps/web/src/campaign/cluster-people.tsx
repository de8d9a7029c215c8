// Who is in a cluster: its schools (the core school and its impact schools) and the mentoring team.
import type { ClusterDetailView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';

export function ClusterPeople({ cluster }: { cluster: ClusterDetailView }) {
  const { t, lang } = useI18n();
  const schools = [...cluster.schools].sort((a, b) => a.position - b.position);
  return (
    <div className="two-columns">
      <section aria-labelledby="schools-title">
        <h2 id="schools-title">{t('clusterSchools')}</h2>
        <ul className="plain people" data-testid="cluster-schools">
          {schools.map((s) => (
            <li key={s.schoolId}>
              <span className={`badge ${s.position === 0 ? 'core' : 'impact'}`}>
                {s.position === 0 ? t('coreSchool') : t('impactSchool', { n: s.position })}
              </span>{' '}
              {s.name}{s.npsn ? ` (NPSN ${s.npsn})` : ''}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="team-title">
        <h2 id="team-title">{t('team')}</h2>
        <ul className="plain people" data-testid="cluster-team">
          {cluster.team.map((m) => (
            <li key={`${m.userId}-${m.role}`}>
              {m.name} <span className="muted">· {label('teamRole', m.role, lang)}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
