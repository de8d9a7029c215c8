// The server renders the report; the iframe gets it as srcdoc (the bearer token cannot ride on an
// iframe src) and is sandboxed so the document runs no script.
import { authHeader } from '../api/client';
import { failureFrom } from '../api/api-failure';
import { ErrorMessage } from '../components/feedback';
import { useI18n } from '../i18n/i18n';
import { useAsync } from '../use-async';

/** The report as the reader was shown it: its submitted version (null for a draft) and content hash. */
export interface ReportRead {
  version: number | null;
  sha256: string;
}

export function ReportPreview({ programId, version, onRead }: { programId: string; version: number; onRead?(read: ReportRead): void }) {
  const { t } = useI18n();
  const html = useAsync(async () => {
    const res = await fetch(`/programs/${encodeURIComponent(programId)}/report.html`, { headers: authHeader() });
    if (!res.ok) throw failureFrom(res.status, await res.json().catch(() => null));
    const text = await res.text();
    // The hash and version of the very document displayed: a signature names these, not the state's.
    const read = res.headers.get('x-report-version');
    onRead?.({ version: read ? Number(read) : null, sha256: res.headers.get('x-report-sha256') ?? '' });
    return text;
  }, [programId, version]);
  return (
    <section aria-label={t('reportPreview')}>
      <h3>{t('reportPreview')}</h3>
      <ErrorMessage error={html.error} />
      {html.data && <iframe className="report-frame" title={t('reportPreview')} sandbox="" srcDoc={html.data} data-testid="report-preview" />}
    </section>
  );
}
