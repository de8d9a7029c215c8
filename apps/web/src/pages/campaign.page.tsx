// A campaign's dashboard: who runs it and when, overall progress, the clusters × meetings grid and
// how widely each material has been covered.
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { CampaignDashboardView } from '../api/types';
import { CampaignProgress } from '../campaign/campaign-progress';
import { MaterialsCoverage } from '../campaign/materials-coverage';
import { MeetingGrid } from '../campaign/meeting-grid';
import { campaignPath } from '../campaign/paths';
import { ErrorMessage, Loading } from '../components/feedback';
import { localDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { useLocation } from '../router';
import { useAsync, type AsyncState } from '../use-async';

const PREPARE_ATTEMPTS = 30;

/**
 * A campaign just imported is started by its workflow, and its read model follows a moment later:
 * right after an import (`?new=1`) a 404 means "not yet", so ask again each second for a while.
 */
function useWhilePreparing(res: AsyncState<unknown>, fresh: boolean): boolean {
  const [attempts, setAttempts] = useState(0);
  const preparing = fresh && res.error?.status === 404 && attempts < PREPARE_ATTEMPTS;
  const { loading, reload } = res;
  useEffect(() => {
    if (!preparing || loading) return;
    const timer = setTimeout(() => {
      setAttempts((n) => n + 1);
      reload();
    }, 1_000);
    return () => clearTimeout(timer);
  }, [preparing, loading, attempts, reload]);
  return preparing;
}

export function CampaignPage({ campaignId }: { campaignId: string }) {
  const { t, lang } = useI18n();
  const { search } = useLocation();
  const res = useAsync(() => api.get<CampaignDashboardView>(campaignPath(campaignId)), [campaignId]);
  const preparing = useWhilePreparing(res, search.get('new') === '1');
  if (preparing) return <p className="muted" role="status">{t('campaignPreparing')}</p>;
  if (res.loading && !res.data) return <Loading />;
  if (!res.data) return <ErrorMessage error={res.error} />;
  const c = res.data;
  return (
    <article aria-labelledby="campaign-title" data-testid="campaign-dashboard">
      <header>
        <h1 id="campaign-title">{c.title}</h1>
        <dl className="facts">
          <dt>{t('organiser')}</dt>
          <dd>{c.organiser}</dd>
          <dt>{t('period')}</dt>
          <dd>{localDate(c.period.start, lang)} – {localDate(c.period.end, lang)}</dd>
          <dt>{t('status')}</dt>
          <dd>{t(c.status === 'closed' ? 'campaign_closed' : 'campaign_open')} · {t('campaignCounts', { clusters: c.clusterCount, schools: c.schoolCount })}</dd>
        </dl>
        <CampaignProgress campaign={c} />
      </header>
      <MeetingGrid campaignId={c.campaignId} clusters={c.clusters} />
      <MaterialsCoverage materials={c.materials} clusterCount={c.clusterCount} />
    </article>
  );
}
