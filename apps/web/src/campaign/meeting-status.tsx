// A meeting's status in colour AND words (and an icon): colour alone does not reach everyone.
import type { MeetingCellView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';

const ICON: Record<MeetingCellView['status'], string> = { done: '✓', due: '●', overdue: '!', scheduled: '○' };

export function MeetingStatusBadge({ meeting }: { meeting: MeetingCellView }) {
  const { t, lang } = useI18n();
  return (
    <span className="meeting-status-line">
      <span className={`badge meeting-${meeting.status}`} data-testid="meeting-status" data-status={meeting.status}>
        <span aria-hidden="true">{ICON[meeting.status]}</span> {label('meetingStatus', meeting.status, lang)}
      </span>
      {meeting.late && <span className="late-mark"> · {t('lateHeld')}</span>}
      {meeting.escalations.length > 0 && (
        <span className="escalation-mark" data-testid="escalation">
          <span aria-hidden="true">⚑</span> {t('escalated', { n: meeting.escalations.length })}
        </span>
      )}
    </span>
  );
}
