// The mentoring campaigns I organise, mentor in, or oversee in my region (the list may be empty).
import { api } from '../api/client';
import type { CampaignSummaryView } from '../api/types';
import { CampaignProgress } from '../campaign/campaign-progress';
import { campaignPath } from '../campaign/paths';
import { ErrorMessage, Loading } from '../components/feedback';
import { localDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { canImportCampaign, useSession } from '../session';
import { useAsync } from '../use-async';

export function CampaignsPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const list = useAsync(async () => (await api.get<{ items: CampaignSummaryView[] }>('/campaigns')).items, []);

  return (
    <section aria-labelledby="campaigns-title">
      <h1 id="campaigns-title">{t('campaignsTitle')}</h1>
      {canImportCampaign(session) && <Link to="/campaigns/import" className="button primary-link">{t('importTitle')}</Link>}
      {list.loading && !list.data && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data?.length === 0 && <p>{t('noCampaigns')}</p>}
      <ul className="program-list" data-testid="campaign-list">
        {list.data?.map((c) => (
          <li key={c.campaignId} className="program-card">
            <Link to={campaignPath(c.campaignId)} className="program-title">{c.title}</Link>
            <span className="muted">
              {c.organiser} · {localDate(c.period.start, lang)} – {localDate(c.period.end, lang)} · {t('campaignCounts', { clusters: c.clusterCount, schools: c.schoolCount })} ·{' '}
              {t(c.status === 'closed' ? 'campaign_closed' : 'campaign_open')}
            </span>
            <CampaignProgress campaign={c} />
          </li>
        ))}
      </ul>
    </section>
  );
}
