// The server renders the report; the iframe gets it as srcdoc (the bearer token cannot ride on an
// iframe src) and is sandboxed so the document runs no script.
import { authHeader } from '../api/client';
import { failureFrom } from '../api/api-failure';
import { ErrorMessage } from '../components/feedback';
import { useI18n } from '../i18n/i18n';
import { useAsync } from '../use-async';

export function ReportPreview({ programId, version }: { programId: string; version: number }) {
  const { t } = useI18n();
  const html = useAsync(async () => {
    const res = await fetch(`/programs/${encodeURIComponent(programId)}/report.html`, { headers: authHeader() });
    if (!res.ok) throw failureFrom(res.status, await res.json().catch(() => null));
    return res.text();
  }, [programId, version]);
  return (
    <section aria-label={t('reportPreview')}>
      <h3>{t('reportPreview')}</h3>
      <ErrorMessage error={html.error} />
      {html.data && <iframe className="report-frame" title={t('reportPreview')} sandbox="" srcDoc={html.data} data-testid="report-preview" />}
    </section>
  );
}
