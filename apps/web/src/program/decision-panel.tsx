// Approve / reject with a reason; a rejection without a reason is stopped here and by the API.
import { useState, type FormEvent } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api } from '../api/client';
import { ErrorMessage } from '../components/feedback';
import { TextArea } from '../components/field';
import { useI18n } from '../i18n/i18n';
import { useAction } from '../use-async';

export function DecisionPanel({ title, path, extraBody, onDone, approveText }: {
  title: string;
  path: string;
  extraBody?: Record<string, unknown>;
  onDone(): void;
  approveText?: string;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? []);

  const decide = async (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && reason.trim() === '') {
      setMissingReason(true);
      return;
    }
    setMissingReason(false);
    const body = { decision, ...(reason.trim() ? { reason: reason.trim() } : {}), ...extraBody };
    const ok = await run(() => api.post(path, body));
    if (ok !== undefined) {
      setReason('');
      onDone();
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void decide('approve');
  };

  return (
    <form className="card decision" onSubmit={onSubmit} aria-label={title}>
      <h3>{title}</h3>
      <TextArea label={t('reason')} name="reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)}
        issue={missingReason ? 'required' : issues.get('reason')} />
      {missingReason && <p className="error" role="alert">{t('reasonRequired')}</p>}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{approveText ?? t('approve')}</button>
        <button type="button" className="danger" disabled={busy} onClick={() => void decide('reject')}>{t('reject')}</button>
      </div>
    </form>
  );
}
