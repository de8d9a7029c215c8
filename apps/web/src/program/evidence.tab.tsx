// Evidence per activity (with what is still missing), QA's "documentation complete" and the
// supervisor's decision on the documentation.
import { api } from '../api/client';
import type { ActivityState, Program } from '../api/types';
import { ErrorMessage, Notice } from '../components/feedback';
import { dateTime, shortHash } from '../format';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';
import type { ProgramTabProps } from './program-tab';
import { hasRole, useSession } from '../session';
import { useAction } from '../use-async';
import { DecisionPanel } from './decision-panel';
import { EvidenceThumb } from './evidence-image';
import { EvidenceWithdraw, canWithdrawEvidence } from './evidence-withdraw';
import { Approvals } from './plan.tab';

/** Required kinds not yet present (the API also counts supplier quotes for procurement). */
function missingKinds(a: ActivityState): string[] {
  if (a.status !== 'done') return [];
  return a.requiredEvidence.filter((k) => !a.evidence.some((e) => e.kind === k));
}

export function EvidenceList({ program, activity, reload }: { program: Program; activity: ActivityState; reload?(): void }) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const missing = missingKinds(activity);
  const withdrawable = reload !== undefined && canWithdrawEvidence(program, activity, session);
  return (
    <div className="evidence">
      {activity.evidence.length === 0 ? (
        <p className="muted">{t('noEvidence')}</p>
      ) : (
        <ul className="evidence-list plain" data-testid={`evidence-${activity.id}`}>
          {activity.evidence.map((e) => (
            <li key={e.sha256} className="evidence-item">
              <EvidenceThumb sha256={e.sha256} mimeType={e.mimeType} filename={e.filename} />
              <span>
                <strong>{label('evidenceKind', e.kind, lang)}</strong>: {e.filename}
                <br />
                <span className="muted mono" title={e.sha256}>{shortHash(e.sha256)}</span> · {dateTime(e.at, lang, program.timeZone)}
                {withdrawable && <EvidenceWithdraw program={program} activity={activity} sha256={e.sha256} filename={e.filename} onDone={reload} />}
              </span>
            </li>
          ))}
        </ul>
      )}
      {missing.length > 0 && (
        <p className="warn-text">{t('missingEvidence', { kinds: missing.map((k) => label('evidenceKind', k, lang)).join(', ') })}</p>
      )}
    </div>
  );
}

export function EvidenceTab({ program, view, reload }: ProgramTabProps) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const complete = useAction();
  const base = `/programs/${encodeURIComponent(program.programId)}`;
  const submitted = program.submissions.documentation !== null;
  const canComplete = program.stage === 'document' && !submitted && hasRole(session, 'qa_team');
  const canDecide = program.stage === 'document' && submitted && hasRole(session, program.approvalPolicy.documentation.role);
  const onComplete = async () => {
    if ((await complete.run(() => api.post(`${base}/documentation/complete`, {}))) !== undefined) reload();
  };
  return (
    <section aria-label={t('tabEvidence')}>
      <ul className="plain">
        {program.plan.activities.filter((a) => a.status !== 'dropped').map((a) => (
          <li key={a.id} className="card">
            <h3>{a.title || a.id}</h3>
            <EvidenceList program={program} activity={a} reload={reload} />
          </li>
        ))}
      </ul>
      <ErrorMessage error={complete.error} />
      {canComplete && <button type="button" className="primary" disabled={complete.busy} onClick={() => void onComplete()}>{t('completeDocumentation')}</button>}
      {submitted && program.stage === 'document' && <Notice text={`${t('waitingOn')}: ${label('role', program.approvalPolicy.documentation.role, lang)}`} />}
      {canDecide && <DecisionPanel title={t('decideDocumentation')} path={`${base}/documentation/decision`} onDone={reload} />}
      <Approvals program={program} stage="documentation" lang={lang} title={t('approvals')} people={view.people} />
    </section>
  );
}
