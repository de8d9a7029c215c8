// The organiser sets up a whole campaign from one spreadsheet: "Periksa" checks every row without
// creating anything, "Impor" creates it all (or nothing) and opens the dashboard.
import { useState, type FormEvent } from 'react';
import { ApiFailure } from '../api/api-failure';
import type { ImportSummary } from '../api/types';
import { uploadFile } from '../api/upload';
import { ErrorMessage, Notice } from '../components/feedback';
import { campaignPath } from '../campaign/paths';
import { ImportErrors } from '../campaign/import-errors';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';
import { canImportCampaign, useSession } from '../session';
import { useAction } from '../use-async';

export function CampaignImportPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [checked, setChecked] = useState<ImportSummary | null>(null);
  const { busy, error, run } = useAction();

  const send = async (dryRun: boolean) => {
    setChecked(null);
    setMissingFile(!file);
    if (!file) return;
    const summary = await run(() => uploadFile<ImportSummary>('/campaigns/import', file, { dryRun: String(dryRun) }));
    if (!summary) return;
    if (dryRun) setChecked(summary);
    else navigate(`${campaignPath(summary.campaignId)}?new=1`);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };

  if (!canImportCampaign(session)) return <ErrorMessage error={new ApiFailure(403, 'FORBIDDEN_ROLE', '')} />;
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">{t('importTitle')}</h1>
      <p>{t('importIntro')}</p>
      <form className="card" onSubmit={onSubmit} noValidate>
        <div className={`field${missingFile ? ' has-issue' : ''}`}>
          <label htmlFor="import-file">{t('importFile')}</label>
          <input id="import-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={missingFile || undefined} aria-describedby={missingFile ? 'import-file-issue' : undefined}
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setChecked(null); }} />
          {missingFile && <span className="field-issue" id="import-file-issue" role="alert">{t('chooseFileFirst')}</span>}
        </div>
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void send(true)}>{t('checkFile')}</button>
          <button type="submit" className="primary" disabled={busy}>{t('doImport')}</button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {error && <ImportErrors rows={error.rows} />}
      <Notice text={checked && t('importChecked', { clusters: checked.clusters, schools: checked.schools, meetings: checked.meetings, teamMembers: checked.teamMembers })} />
    </section>
  );
}
