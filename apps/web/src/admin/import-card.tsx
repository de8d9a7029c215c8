// One directory sheet: "Periksa/Check" validates every row without creating anything, "Impor"
// creates all rows or none; refused rows are listed with their row and column.
import { useId, useState, type FormEvent } from 'react';
import { uploadFile } from '../api/upload';
import { ImportErrors } from '../campaign/import-errors';
import { ErrorMessage, Notice } from '../components/feedback';
import { useAction } from '../use-async';
import { useAdminText, type AdminKey } from './admin-text';

interface ImportResult {
  count: number;
  created: boolean;
}

export function ImportCard({ kind, title }: { kind: 'regions' | 'schools' | 'users'; title: AdminKey }) {
  const { a } = useAdminText();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const send = async (dryRun: boolean) => {
    setDone(null);
    setMissing(!file);
    if (!file) return;
    const r = await run(() => uploadFile<ImportResult>(`/admin/import/${kind}`, file, { dryRun: String(dryRun) }));
    if (r) setDone(a(r.created ? 'importedOk' : 'checkedOk', { n: r.count }));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`} data-testid={`import-${kind}`}>
      <h2 id={`${id}-title`}>{a(title)}</h2>
      <div className={`field${missing ? ' has-issue' : ''}`}>
        <label htmlFor={`${id}-file`}>{a('file')}</label>
        <input id={`${id}-file`} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-invalid={missing || undefined} aria-describedby={missing ? `${id}-issue` : undefined}
          onChange={(e) => { setFile(e.target.files?.[0] ?? null); setDone(null); }} />
        {missing && <span className="field-issue" id={`${id}-issue`} role="alert">{a('chooseFile')}</span>}
      </div>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void send(true)}>{a('check')}</button>
        <button type="submit" className="primary" disabled={busy}>{a('doImport')}</button>
      </div>
      <ErrorMessage error={error} />
      {error && <ImportErrors rows={error.rows} />}
      <Notice text={done} />
    </form>
  );
}
