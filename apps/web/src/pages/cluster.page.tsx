// One cluster: its schools and team, the meetings with their documentation, the form for the next
// meeting (for the team), and every school's follow-up plan.
import { useState } from 'react';
import { api } from '../api/client';
import type { ClusterDetailView } from '../api/types';
import { ClusterPeople } from '../campaign/cluster-people';
import { DocumentationForm } from '../campaign/documentation-form';
import { MeetingTimeline } from '../campaign/meeting-timeline';
import { campaignPath, clusterPath } from '../campaign/paths';
import { isTeam } from '../campaign/roles';
import { RtlSection } from '../campaign/rtl-section';
import { ErrorMessage, Loading, Notice } from '../components/feedback';
import { localDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';
import { Link } from '../router';
import { useAsync } from '../use-async';

export function ClusterPage({ campaignId, clusterId }: { campaignId: string; clusterId: string }) {
  const { t, lang } = useI18n();
  const res = useAsync(() => api.get<ClusterDetailView>(clusterPath(campaignId, clusterId)), [campaignId, clusterId]);
  const [notice, setNotice] = useState<string | null>(null);
  if (res.loading && !res.data) return <Loading />;
  if (!res.data) return <ErrorMessage error={res.error} />;
  const c = res.data;
  const next = c.status === 'open' && isTeam(c.myRole) ? c.meetings.find((m) => m.status !== 'done') : undefined;
  const saved = (number: number) => {
    setNotice(t('documentationSaved', { n: number }));
    res.reload();
  };

  return (
    <article aria-labelledby="cluster-title" data-testid="cluster-page">
      <header>
        <Link to={campaignPath(c.campaignId)}>{t('backToCampaign')}: {c.campaignTitle}</Link>
        <h1 id="cluster-title">{c.name}</h1>
        <p className="muted">
          {t('period')}: {localDate(c.period.start, lang)} – {localDate(c.period.end, lang)} · {t(c.status === 'completed' ? 'campaign_closed' : 'campaign_open')}
          {c.myRole && ` · ${t('myRole', { role: label('teamRole', c.myRole, lang) })}`}
        </p>
      </header>
      <ClusterPeople cluster={c} />
      <MeetingTimeline cluster={c} reload={res.reload} />
      <Notice text={notice} />
      {next && <DocumentationForm key={next.number} cluster={c} meeting={next} onSaved={() => saved(next.number)} />}
      <RtlSection cluster={c} reload={res.reload} />
    </article>
  );
}
