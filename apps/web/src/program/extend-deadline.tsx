// The supervisor extends one deadline: a later date and a reason. The program page lists the new
// schedule once the workflow has recomputed it (the page reloads until the due date moved).
import { useState } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api } from '../api/client';
import { ErrorMessage, Notice } from '../components/feedback';
import { TextArea, TextField } from '../components/field';
import { localDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { useAction } from '../use-async';

export interface ExtendTarget {
  key: string;
  stage: string;
  activityId: string | null;
  dueDate: string;
}

/** Reloads now and a few times more: the deadline read model follows the extension within seconds. */
export function reloadUntilSettled(reload: () => void): void {
  reload();
  for (const ms of [1_000, 2_500, 5_000, 9_000]) setTimeout(reload, ms);
}

export function ExtendDeadlineForm({ programId, target, onDone }: { programId: string; target: ExtendTarget; onDone(): void }) {
  const { t, lang } = useI18n();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [granted, setGranted] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? []);
  const submit = async () => {
    const body = { stage: target.stage, ...(target.activityId ? { activityId: target.activityId } : {}), newDueDate: date, reason: reason.trim() };
    if ((await run(() => api.post(`/programs/${encodeURIComponent(programId)}/deadlines/extend`, body))) === undefined) return;
    setGranted(date);
    reloadUntilSettled(onDone);
  };
  return (
    <details className="extend-deadline" data-testid={`extend-${target.key}`}>
      <summary>{t('extendDeadline')}</summary>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <TextField label={t('newDueDate')} type="date" required value={date} hint={t('extendHint', { date: localDate(target.dueDate, lang) })}
          issue={issues.get('newDueDate')} onChange={(e) => setDate(e.target.value)} />
        <TextArea label={t('extendReason')} rows={2} required value={reason} issue={issues.get('reason')} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" className="primary" disabled={busy || !date || !reason.trim()}>{t('extendDeadline')}</button>
      </form>
      <ErrorMessage error={error} />
      {granted && <Notice text={t('extensionGranted', { date: localDate(granted, lang) })} />}
    </details>
  );
}
