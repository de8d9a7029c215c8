// Drag-and-drop or pick (or photograph, on phones) evidence files of one activity.
import { useState, type DragEvent } from 'react';
import { uploadEvidence } from '../api/upload';
import { SelectField } from '../components/field';
import { FilePicker, UploadList, useUploads } from '../components/uploads';
import { useI18n } from '../i18n/i18n';
import { label, optionsOf } from '../i18n/labels';

export function EvidenceUpload({ programId, activityId, defaultKind, onUploaded }: {
  programId: string;
  activityId: string;
  defaultKind: string;
  onUploaded(): void;
}) {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState(defaultKind);
  const [over, setOver] = useState(false);
  const { uploads, send } = useUploads((file, onProgress) => uploadEvidence(programId, activityId, file, kind, onProgress), onUploaded);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) send(e.dataTransfer.files);
  };

  return (
    <div className="upload">
      <SelectField label={t('evidenceKind')} value={kind} onChange={(e) => setKind(e.target.value)}
        options={optionsOf('evidenceKind').map((k) => ({ value: k, text: label('evidenceKind', k, lang) }))} />
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid={`dropzone-${activityId}`}
      >
        <p>{t('dropFiles')}</p>
        <FilePicker accept="image/*,application/pdf,.doc,.docx,.xls,.xlsx" multiple text={t('chooseFile')} onFiles={send} />
      </div>
      <UploadList uploads={uploads} />
    </div>
  );
}
