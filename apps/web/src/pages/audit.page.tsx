// Auditor view: the hash-chained event timeline, a slider over versions showing the folded state at
// that version, hash-chain verification and the export bundle.
import { useEffect, useState, type MouseEvent } from 'react';
import { failureFrom } from '../api/api-failure';
import { api, authHeader } from '../api/client';
import { itemsOf, toStoredEvent, toTimelineEntry, type Program, type ProgramState } from '../api/types';
import { ErrorMessage, Loading } from '../components/feedback';
import { dateTime, rupiah, shortHash } from '../format';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';
import { Link } from '../router';
import { useAction, useAsync } from '../use-async';

interface VerifyResult {
  ok: boolean;
  count: number | null;
  brokenAt: number | null;
}

function toVerify(body: unknown): VerifyResult {
  const b = (body ?? {}) as Record<string, unknown>;
  const ok = [b.ok, b.valid, b.intact, b.verified].find((v) => typeof v === 'boolean') as boolean | undefined;
  const count = [b.events, b.checked, b.count, b.eventCount].find((v) => typeof v === 'number') as number | undefined;
  const breaks = Array.isArray(b.breaks) ? (b.breaks as { version?: unknown }[]) : [];
  const broken = (breaks[0]?.version ?? b.firstBrokenVersion ?? b.brokenAt) as unknown;
  return { ok: ok ?? false, count: count ?? null, brokenAt: typeof broken === 'number' ? broken : null };
}

const stateOf = (body: unknown): ProgramState | null => {
  const b = (body ?? {}) as Record<string, unknown>;
  const s = (b.state ?? b) as ProgramState;
  return s && typeof s === 'object' && 'status' in s ? s : null;
};

export function AuditPage({ programId }: { programId: string }) {
  const { t, lang } = useI18n();
  const path = `/audit/programs/${encodeURIComponent(programId)}`;
  const events = useAsync(async () => itemsOf(await api.get(`${path}/events?limit=1000`), 'events').map(toStoredEvent), [programId]);
  // Human sentences and names for each version; the table still works from the events alone.
  const timeline = useAsync(async () => {
    const rows = itemsOf(await api.get(`${path}/timeline?lang=${lang}`), 'entries').map(toTimelineEntry);
    return new Map(rows.map((r) => [r.version, r]));
  }, [programId, lang]);
  const max = events.data?.length ?? 0;
  const [version, setVersion] = useState(0);
  const [shown, setShown] = useState(0);
  // The slider starts at the last version once the events are known.
  if (max && version === 0) {
    setVersion(max);
    setShown(max);
  }
  // Debounced so dragging the slider does not fire one request per step.
  useEffect(() => { const h = setTimeout(() => setShown(version), 200); return () => clearTimeout(h); }, [version]);
  const asOf = useAsync(async () => (shown > 0 ? stateOf(await api.get(`${path}/state?version=${shown}`)) : null), [shown]);
  const verify = useAction();
  const [result, setResult] = useState<VerifyResult | null>(null);
  const exporting = useAction();

  const onVerify = async () => {
    setResult(null);
    const body = await verify.run(() => api.post(`${path}/verify`, {}));
    if (body !== undefined) setResult(toVerify(body));
  };
  const onExport = async (e: MouseEvent) => {
    e.preventDefault();
    await exporting.run(async () => {
      const res = await fetch(`${path}/export`, { headers: authHeader() });
      if (!res.ok) throw failureFrom(res.status, await res.json().catch(() => null));
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `mutu-audit-${programId}.tar.gz`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
  };

  const program = asOf.data && asOf.data.status !== 'none' ? (asOf.data as Program) : null;
  return (
    <section aria-labelledby="audit-title">
      <p><Link to={`/programs/${programId}`}>← {programId}</Link></p>
      <h1 id="audit-title">{t('auditTitle')}</h1>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void onVerify()} disabled={verify.busy}>{t('verify')}</button>
        <a href={`${path}/export`} onClick={(e) => void onExport(e)} className="button">{t('export')}</a>
      </div>
      <ErrorMessage error={verify.error ?? exporting.error} />
      {result && (
        <p role="status" data-testid="verify-result" className={result.ok ? 'ok-text' : 'error'}>
          {result.ok ? t('verifyOk', { n: result.count ?? max }) : t('verifyFailed', { v: result.brokenAt ?? '?' })}
        </p>
      )}
      {events.loading && !events.data && <Loading />}
      <ErrorMessage error={events.error} />
      {max > 0 && (
        <div className="card">
          <label htmlFor="version-slider">{t('slider')}</label>
          <input id="version-slider" type="range" min={1} max={max} step={1} value={version || max} data-testid="version-slider"
            aria-valuetext={t('asOfVersion', { v: version })} onChange={(e) => setVersion(Number(e.target.value))} />
          <h2 data-testid="as-of">{t('asOfVersion', { v: shown })}</h2>
          <ErrorMessage error={asOf.error} />
          {program && (
            <dl className="facts" data-testid="as-of-state" data-stage={program.stage}>
              <dt>{t('stageAt')}</dt><dd>{label('stage', program.stage, lang)}</dd>
              <dt>{t('activities')}</dt>
              <dd>{program.plan.activities.map((a) => `${a.title || a.id} (${label('activityStatus', a.status, lang)})`).join(', ') || t('none')}</dd>
              <dt>{t('totalBudget')}</dt><dd>{rupiah(program.plan.activities.reduce((s, a) => s + a.budget.amount, 0))}</dd>
              <dt>{t('approvals')}</dt><dd>{program.approvals.length}</dd>
              <dt>{t('signOff')}</dt><dd>{program.report.signatures.length}</dd>
            </dl>
          )}
        </div>
      )}
      <h2>{t('timeline')}</h2>
      <div className="table-wrap">
        <table className="timeline" data-testid="audit-timeline">
          <thead>
            <tr><th scope="col">#</th><th scope="col">{t('event')}</th><th scope="col">{t('actor')}</th><th scope="col">{t('hash')}</th></tr>
          </thead>
          <tbody>
            {(events.data ?? []).map((e) => (
              <tr key={e.version} className={e.version === shown ? 'selected' : ''}>
                <td>{e.version}</td>
                <td>{timeline.data?.get(e.version)?.text ?? e.type}<br /><span className="muted">{e.type} · {dateTime(e.at, lang)}</span></td>
                <td>{timeline.data?.get(e.version)?.who ?? e.actor ?? '—'}{e.role ? ` (${label('role', e.role, lang)})` : ''}</td>
                <td className="mono" title={e.hash ?? ''}>{shortHash(e.hash)}<br /><span className="muted">← {shortHash(e.prevHash)}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
