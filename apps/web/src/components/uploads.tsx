// Files on their way to the API: pick (or photograph, on phones), then one row per upload with its
// progress, a thumbnail of the local image right away, and its error if the API refuses it.
import { useEffect, useId, useRef, useState } from 'react';
import type { ApiFailure } from '../api/api-failure';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';
import { ErrorMessage, ProgressBar } from './feedback';

export interface Upload<T> {
  key: string;
  name: string;
  preview: string | null;
  progress: number;
  error?: ApiFailure;
  result?: T;
}

export type Uploader<T> = (file: File, onProgress: (fraction: number) => void) => Promise<T>;

/** Uploads each file sent; `onUploaded` hears every answer. Local previews are freed on unmount. */
export function useUploads<T>(upload: Uploader<T>, onUploaded: (result: T) => void = () => undefined) {
  const [uploads, setUploads] = useState<Upload<T>[]>([]);
  const previews = useRef<string[]>([]);
  useEffect(() => () => previews.current.forEach((u) => URL.revokeObjectURL(u)), []);
  const patch = (key: string, p: Partial<Upload<T>>) => setUploads((us) => us.map((u) => (u.key === key ? { ...u, ...p } : u)));

  const send = (files: FileList | File[]) => {
    for (const file of Array.from(files)) {
      const key = `${file.name}-${file.size}-${Date.now()}-${Math.random()}`;
      const preview = file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
      if (preview) previews.current.push(preview);
      setUploads((us) => [...us, { key, name: file.name, preview, progress: 0 }]);
      upload(file, (f) => patch(key, { progress: f })).then(
        (result) => {
          patch(key, { result, progress: 1 });
          onUploaded(result);
        },
        (e: ApiFailure) => patch(key, { error: e }),
      );
    }
  };
  const remove = (key: string) => setUploads((us) => us.filter((u) => u.key !== key));
  return { uploads, send, remove };
}

/** A file button and, on touch devices, a camera button; both hand the chosen files to `onFiles`. */
export function FilePicker({ accept, multiple, text, onFiles }: { accept: string; multiple?: boolean; text: string; onFiles(files: FileList): void }) {
  const { lang } = useI18n();
  const fileId = useId();
  const cameraId = useId();
  return (
    <>
      <label htmlFor={fileId} className="button">{text}</label>
      <input id={fileId} className="visually-hidden-input" type="file" multiple={multiple} accept={accept}
        onChange={(e) => { if (e.target.files) onFiles(e.target.files); e.target.value = ''; }} />
      <label htmlFor={cameraId} className="button camera-only">📷 {label('evidenceKind', 'photo', lang)}</label>
      {/* The camera button is hidden without a touch screen; the input keeps its name anyway. */}
      <input id={cameraId} className="visually-hidden-input" type="file" accept="image/*" capture="environment" aria-label={label('evidenceKind', 'photo', lang)}
        onChange={(e) => { if (e.target.files) onFiles(e.target.files); e.target.value = ''; }} />
    </>
  );
}

export function UploadList<T>({ uploads, onRemove }: { uploads: Upload<T>[]; onRemove?(key: string): void }) {
  const { t } = useI18n();
  return (
    <ul className="uploads plain" aria-live="polite">
      {uploads.map((u) => (
        <li key={u.key} className="upload-row">
          {u.preview && <img className="thumb" src={u.preview} alt={u.name} width={64} height={64} />}
          <div className="grow">
            <span>{u.result !== undefined ? t('uploaded', { name: u.name }) : t('uploading', { name: u.name })}</span>
            <ProgressBar value={u.progress} label={t('uploading', { name: u.name })} />
            <ErrorMessage error={u.error} />
          </div>
          {onRemove && <button type="button" className="link-button" onClick={() => onRemove(u.key)}>{t('removePhoto', { name: u.name })}</button>}
        </li>
      ))}
    </ul>
  );
}
