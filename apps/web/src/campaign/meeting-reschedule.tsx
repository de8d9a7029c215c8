// The mentoring team moves a meeting not yet held: a new date inside the campaign period, between
// the meetings before and after it, with a reason.
import { useState } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api } from '../api/client';
import type { ClusterDetailView, MeetingDetailView } from '../api/types';
import { ErrorMessage } from '../components/feedback';
import { TextArea, TextField } from '../components/field';
import { useI18n } from '../i18n/i18n';
import { reloadUntilSettled } from '../program/extend-deadline';
import { useAction } from '../use-async';
import { meetingPath } from './paths';

export function MeetingReschedule({ cluster, meeting, onDone }: { cluster: ClusterDetailView; meeting: MeetingDetailView; onDone(): void }) {
  const { t } = useI18n();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? []);
  const submit = async () => {
    const path = `${meetingPath(cluster.campaignId, cluster.clusterId, meeting.number)}/reschedule`;
    if ((await run(() => api.post(path, { date, reason: reason.trim() }))) === undefined) return;
    setDate('');
    setReason('');
    reloadUntilSettled(onDone);
  };
  return (
    <details data-testid={`reschedule-${meeting.number}`}>
      <summary>{t('rescheduleMeeting')} <span className="sr-only">{t('meetingN', { n: meeting.number })}</span></summary>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <TextField label={t('newMeetingDate')} type="date" required min={cluster.period.start} max={cluster.period.end} value={date}
          issue={issues.get('date')} onChange={(e) => setDate(e.target.value)} />
        <TextArea label={t('rescheduleReason')} rows={2} required value={reason} issue={issues.get('reason')} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" className="primary" disabled={busy || !date || !reason.trim()}>{t('rescheduleMeeting')}</button>
      </form>
      <ErrorMessage error={error} />
    </details>
  );
}
