// Download links of the school's BOSP realisation report for the program's budget year. The files
// are fetched with the session's credentials and handed to the browser as a download.
import { authHeader } from '../api/client';
import { failureFrom, type ApiFailure } from '../api/api-failure';
import { ErrorMessage } from '../components/feedback';
import { useI18n } from '../i18n/i18n';
import { useState } from 'react';
import type { Program } from '../api/types';

export function RealisationDownloads({ program }: { program: Program }) {
  const { t } = useI18n();
  const [error, setError] = useState<ApiFailure | undefined>();
  const path = `/schools/${encodeURIComponent(program.schoolId)}/realisation/${program.budgetYear}`;
  const download = async (format: 'xlsx' | 'csv') => {
    setError(undefined);
    const res = await fetch(`${path}/${format}`, { headers: authHeader(), credentials: 'same-origin' });
    if (!res.ok) return setError(failureFrom(res.status, await res.json().catch(() => null)));
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `realisasi-bosp-${program.schoolId}-${program.budgetYear}.${format}`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section className="card" aria-label={t('realisationTitle')} data-testid="realisation-downloads">
      <h3>{t('realisationTitle')} {program.budgetYear}</h3>
      <p className="muted">{t('realisationIntro')}</p>
      <div className="row">
        <button type="button" onClick={() => void download('xlsx')}>{t('downloadXlsx')}</button>
        <button type="button" onClick={() => void download('csv')}>{t('downloadCsv')}</button>
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}
