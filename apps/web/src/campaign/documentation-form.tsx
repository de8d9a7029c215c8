// Documenting the next meeting: when it was held (in the period, not after today), at its preset
// host, which materials, who came, the minutes and photos. A refusal of the API sits next to the
// field it is about, as a sentence.
import { useState, type FormEvent } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api } from '../api/client';
import type { ClusterDetailView, EvidenceFile, MeetingDetailView } from '../api/types';
import { uploadFile } from '../api/upload';
import { ErrorMessage } from '../components/feedback';
import { CheckboxGroup, TextArea, TextField } from '../components/field';
import { FilePicker, UploadList, useUploads } from '../components/uploads';
import { localDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { useAction } from '../use-async';
import { AttendanceEditor, toAttendees, type AttendeeDraft } from './attendance-editor';
import { meetingPath } from './paths';

/** Which field a domain refusal is about; anything else is shown under the form. */
function refusalField(code: string | undefined, attendees: number): string | null {
  switch (code) {
    case 'MEETING_OUTSIDE_PERIOD':
    case 'MEETING_IN_FUTURE':
    case 'MEETING_OUT_OF_ORDER':
      return 'heldOn';
    case 'MEETING_INCOMPLETE':
      return attendees === 0 ? 'attendance' : 'minutes';
    case 'INVALID_MATERIAL':
      return 'materials';
    default:
      return null;
  }
}

const clampDate = (date: string, min: string, max: string) => (date < min ? min : date > max ? max : date);

export function DocumentationForm({ cluster, meeting, onSaved }: { cluster: ClusterDetailView; meeting: MeetingDetailView; onSaved(): void }) {
  const { t, lang } = useI18n();
  const path = meetingPath(cluster.campaignId, cluster.clusterId, meeting.number);
  const lastDay = cluster.today < cluster.period.end ? cluster.today : cluster.period.end;
  const [heldOn, setHeldOn] = useState(clampDate(cluster.today, cluster.period.start, lastDay));
  const [materials, setMaterials] = useState<string[]>([]);
  const [attendance, setAttendance] = useState<AttendeeDraft[]>([]);
  const [minutes, setMinutes] = useState('');
  const photos = useUploads((file, onProgress) => uploadFile<EvidenceFile>(`${path}/photos`, file, {}, onProgress));
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? []);
  const at = refusalField(error?.code, attendance.length);
  const refusal = (field: string) => (at === field ? <ErrorMessage error={error} /> : null);
  const titleId = `document-${meeting.number}-title`;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const uploaded = photos.uploads.flatMap((u) => (u.result ? [u.result] : []));
    const body = { heldOn, hostSchoolId: meeting.hostSchoolId, materialsCovered: materials, attendance: toAttendees(attendance), minutes: minutes.trim(), photos: uploaded };
    const view = await run(() => api.post<ClusterDetailView>(`${path}/documentation`, body));
    if (view) onSaved();
  };

  return (
    <form className="card documentation-form" onSubmit={onSubmit} aria-labelledby={titleId} noValidate data-testid="documentation-form">
      <h2 id={titleId}>{t('documentMeeting', { n: meeting.number })}</h2>
      <div className="row">
        <TextField label={t('heldOn')} type="date" value={heldOn} min={cluster.period.start} max={lastDay} issue={issues.get('heldOn')}
          hint={t('periodHint', { start: localDate(cluster.period.start, lang), end: localDate(cluster.period.end, lang) })}
          onChange={(e) => setHeldOn(e.target.value)} />
        <TextField label={t('hostSchool')} value={meeting.hostSchoolName} readOnly />
      </div>
      {refusal('heldOn')}
      <CheckboxGroup legend={t('materialsCovered')} value={materials} onChange={setMaterials} issue={issues.get('materialsCovered')}
        options={cluster.materials.map((m) => ({ value: m.id, text: m.title }))} />
      {refusal('materials')}
      <AttendanceEditor rows={attendance} onChange={setAttendance} issues={issuesUnder(error?.issues ?? [], 'attendance.')} />
      {refusal('attendance')}
      <TextArea label={t('minutes')} rows={5} value={minutes} issue={issues.get('minutes')} onChange={(e) => setMinutes(e.target.value)} />
      {refusal('minutes')}
      <fieldset className="photos">
        <legend>{t('photos')}</legend>
        <FilePicker accept="image/*" multiple text={t('choosePhoto')} onFiles={photos.send} />
        <UploadList uploads={photos.uploads} onRemove={photos.remove} />
      </fieldset>
      {at === null && <ErrorMessage error={error} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || photos.uploads.some((u) => !u.result && !u.error)}>{t('saveDocumentation')}</button>
      </div>
    </form>
  );
}
