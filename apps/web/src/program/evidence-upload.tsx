// Drag-and-drop or pick (or photograph, on phones) evidence files; each upload shows its progress
// and, for photos, a thumbnail of the local file right away.
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { ApiFailure } from '../api/api-failure';
import { uploadEvidence } from '../api/upload';
import { ErrorMessage, ProgressBar } from '../components/feedback';
import { SelectField } from '../components/field';
import { useI18n } from '../i18n/i18n';
import { label, optionsOf } from '../i18n/labels';

interface Upload {
  key: string;
  name: string;
  preview: string | null;
  progress: number;
  error?: ApiFailure;
  done: boolean;
}

export function EvidenceUpload({ programId, activityId, defaultKind, onUploaded }: {
  programId: string;
  activityId: string;
  defaultKind: string;
  onUploaded(): void;
}) {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState(defaultKind);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const fileId = useId();
  const cameraId = useId();
  const previews = useRef<string[]>([]);
  useEffect(() => () => previews.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const patch = (key: string, p: Partial<Upload>) => setUploads((us) => us.map((u) => (u.key === key ? { ...u, ...p } : u)));

  const send = (files: FileList | File[]) => {
    for (const file of Array.from(files)) {
      const key = `${file.name}-${file.size}-${Date.now()}-${Math.random()}`;
      const preview = file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
      if (preview) previews.current.push(preview);
      setUploads((us) => [...us, { key, name: file.name, preview, progress: 0, done: false }]);
      uploadEvidence(programId, activityId, file, kind, (f) => patch(key, { progress: f })).then(
        () => {
          patch(key, { done: true, progress: 1 });
          onUploaded();
        },
        (e: ApiFailure) => patch(key, { error: e }),
      );
    }
  };

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
        <label htmlFor={fileId} className="button">{t('chooseFile')}</label>
        <input id={fileId} className="visually-hidden-input" type="file" multiple accept="image/*,application/pdf,.doc,.docx,.xls,.xlsx"
          onChange={(e) => { if (e.target.files) send(e.target.files); e.target.value = ''; }} />
        <label htmlFor={cameraId} className="button camera-only">📷 {label('evidenceKind', 'photo', lang)}</label>
        <input id={cameraId} className="visually-hidden-input" type="file" accept="image/*" capture="environment"
          onChange={(e) => { if (e.target.files) send(e.target.files); e.target.value = ''; }} />
      </div>
      <ul className="uploads plain" aria-live="polite">
        {uploads.map((u) => (
          <li key={u.key} className="upload-row">
            {u.preview && <img className="thumb" src={u.preview} alt={u.name} width={64} height={64} />}
            <div className="grow">
              <span>{u.done ? t('uploaded', { name: u.name }) : t('uploading', { name: u.name })}</span>
              <ProgressBar value={u.progress} label={t('uploading', { name: u.name })} />
              <ErrorMessage error={u.error} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
