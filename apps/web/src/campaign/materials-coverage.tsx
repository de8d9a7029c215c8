// How often each material was covered: documented meetings, and clusters reached (the bar).
import type { MaterialCoverageView } from '../api/types';
import { ProgressBar } from '../components/feedback';
import { useI18n } from '../i18n/i18n';

export function MaterialsCoverage({ materials, clusterCount }: { materials: MaterialCoverageView[]; clusterCount: number }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="materials-title">
      <h2 id="materials-title">{t('materialsCoverage')}</h2>
      <ul className="plain coverage" data-testid="materials-coverage">
        {materials.map((m) => (
          <li key={m.id} data-testid={`material-${m.id}`} data-meetings={m.meetings} data-clusters={m.clusters}>
            <span className="coverage-title">{m.title}</span>
            <span className="muted"> — {t('materialCoverage', { meetings: m.meetings, clusters: m.clusters, total: clusterCount })}</span>
            <ProgressBar value={clusterCount > 0 ? m.clusters / clusterCount : 0} label={`${m.title}: ${t('materialCoverage', { meetings: m.meetings, clusters: m.clusters, total: clusterCount })}`} />
          </li>
        ))}
      </ul>
    </section>
  );
}
