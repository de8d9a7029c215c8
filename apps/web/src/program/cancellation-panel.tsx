// Cancelling a program: the principal requests it with a reason; a supervisor confirms it or
// rejects it with a reason (never the one who asked: the four-eyes rule). Rejections stay listed.
import { useState } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api } from '../api/client';
import type { Program, ProgramView } from '../api/types';
import { ErrorMessage } from '../components/feedback';
import { TextArea } from '../components/field';
import { dateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { hasRole, useSession } from '../session';
import { useAction } from '../use-async';
import { personName, personWithRole } from './people';

export function CancellationPanel({ program, view, reload }: { program: Program; view: ProgramView; reload(): void }) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? []);
  const base = `/programs/${encodeURIComponent(program.programId)}/cancellation`;
  const open = program.stage !== 'closed' && program.stage !== 'cancelled';
  const request = program.cancellation;
  const canRequest = open && !request && hasRole(session, 'principal');
  const canDecide = open && !!request && hasRole(session, 'supervisor');
  const rejections = program.approvals.filter((a) => a.stage === 'cancellation' && a.decision === 'reject');
  if (!canRequest && !canDecide && !request && rejections.length === 0 && program.stage !== 'cancelled') return null;

  const act = async (path: string, body: unknown) => {
    if ((await run(() => api.post(path, body))) === undefined) return;
    setReason('');
    reload();
  };
  return (
    <section className="card" aria-labelledby="cancellation-title" data-testid="cancellation">
      <h2 id="cancellation-title">{t('cancellationTitle')}</h2>
      {program.stage === 'cancelled' && <p data-testid="cancelled"><strong>{t('programCancelled')}</strong></p>}
      {request && (
        <p data-testid="cancellation-pending">
          {t('cancellationPending', { by: personWithRole(view.people, request.requestedBy, lang), at: dateTime(request.at, lang, program.timeZone), reason: request.reason })}
        </p>
      )}
      {rejections.length > 0 && (
        <ul className="plain" data-testid="cancellation-rejections">
          {rejections.map((r) => (
            <li key={r.at}>✕ {t('cancellationRejectedLine')} — {personName(view.people, r.by)} · {dateTime(r.at, lang, program.timeZone)}{r.reason ? `: “${r.reason}”` : ''}</li>
          ))}
        </ul>
      )}
      {canRequest && (
        <details>
          <summary>{t('requestCancellation')}</summary>
          <form onSubmit={(e) => { e.preventDefault(); void act(base, { reason: reason.trim() }); }}>
            <TextArea label={t('cancellationReason')} rows={2} required value={reason} issue={issues.get('reason')} onChange={(e) => setReason(e.target.value)} />
            <button type="submit" className="danger" disabled={busy || !reason.trim()}>{t('requestCancellation')}</button>
          </form>
        </details>
      )}
      {canDecide && (
        <form onSubmit={(e) => e.preventDefault()}>
          <p className="muted">{t('optionalNote')}</p>
          <TextArea label={t('decisionReason')} rows={2} value={reason} issue={issues.get('reason')} onChange={(e) => setReason(e.target.value)} />
          <div className="row">
            <button type="button" className="danger" disabled={busy} onClick={() => void act(`${base}/confirm`, reason.trim() ? { reason: reason.trim() } : {})}>{t('confirmCancellation')}</button>
            <button type="button" disabled={busy || !reason.trim()} onClick={() => void act(`${base}/reject`, { reason: reason.trim() })}>{t('rejectCancellation')}</button>
          </div>
        </form>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
