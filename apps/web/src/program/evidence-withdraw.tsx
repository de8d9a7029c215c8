// Withdrawing an evidence file, with a reason: the person in charge, the principal or the QA team,
// while the evidence can still change (execution, or documentation not yet submitted).
import { useState } from 'react';
import { issuesUnder } from '../api/api-failure';
import { request } from '../api/client';
import type { ActivityState, Program } from '../api/types';
import { ErrorMessage } from '../components/feedback';
import { TextArea } from '../components/field';
import { useI18n } from '../i18n/i18n';
import { hasRole, useSession } from '../session';
import { useAction } from '../use-async';

export function canWithdrawEvidence(program: Program, activity: ActivityState, session: ReturnType<typeof useSession>['session']): boolean {
  const editable = program.stage === 'execute' || (program.stage === 'document' && !program.submissions.documentation);
  const mine = activity.assignment?.personInCharge === session?.user.userId;
  return editable && (mine || hasRole(session, 'principal') || hasRole(session, 'qa_team'));
}

export function EvidenceWithdraw({ program, activity, sha256, filename, onDone }: { program: Program; activity: ActivityState; sha256: string; filename: string; onDone(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? []);
  const path = `/programs/${encodeURIComponent(program.programId)}/activities/${encodeURIComponent(activity.id)}/evidence/${sha256}`;
  const submit = async () => {
    if ((await run(() => request('DELETE', path, { body: { reason: reason.trim() } }))) !== undefined) onDone();
  };
  return (
    <details className="evidence-withdraw" data-testid={`withdraw-${sha256.slice(0, 12)}`}>
      <summary>{t('withdrawEvidence')} <span className="sr-only">{filename}</span></summary>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <TextArea label={t('withdrawReason')} rows={2} required value={reason} issue={issues.get('reason')} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" className="danger" disabled={busy || !reason.trim()}>{t('withdrawEvidence')}</button>
      </form>
      <ErrorMessage error={error} />
    </details>
  );
}
