// A campaign's overall progress: meetings done of all meetings, approved follow-up plans of all schools.
import type { CampaignSummaryView } from '../api/types';
import { ProgressBar } from '../components/feedback';
import { useI18n } from '../i18n/i18n';

const ratio = (n: number, total: number) => (total > 0 ? n / total : 0);

export function CampaignProgress({ campaign }: { campaign: CampaignSummaryView }) {
  const { t } = useI18n();
  const meetings = t('meetingsProgress', { done: campaign.meetingsDone, total: campaign.meetingsTotal });
  const rtl = t('rtlProgress', { approved: campaign.rtlApproved, total: campaign.schoolCount });
  return (
    <div className="campaign-progress">
      <p data-testid="meetings-progress">{meetings}</p>
      <ProgressBar value={ratio(campaign.meetingsDone, campaign.meetingsTotal)} label={meetings} />
      <p data-testid="rtl-progress">{rtl}</p>
      <ProgressBar value={ratio(campaign.rtlApproved, campaign.schoolCount)} label={rtl} />
    </div>
  );
}
