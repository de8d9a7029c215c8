// Report: the principal writes and submits it; the committee reads the preview and signs it until
// the quorum is reached; then the principal closes the program.
import { useState } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api } from '../api/client';
import type { ReportSections } from '../api/types';
import { ErrorMessage, Notice } from '../components/feedback';
import { TextArea } from '../components/field';
import { dateTime, shortHash } from '../format';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';
import type { ProgramTabProps } from './program-tab';
import { hasRole, useSession } from '../session';
import { useAction } from '../use-async';
import { DecisionPanel } from './decision-panel';
import { ReportPreview, type ReportRead } from './report-preview';
import { personName } from './people';

const SECTIONS: (keyof ReportSections)[] = ['background', 'objectives', 'targets', 'expectedResults', 'placeAndTime', 'activitiesNarrative', 'problemsAndSolutions', 'conclusions', 'recommendations'];

export function ReportTab({ program, view, reload }: ProgramTabProps) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const report = program.report;
  const [sections, setSections] = useState<ReportSections>({ ...report.sections });
  const [notice, setNotice] = useState<string | null>(null);
  const [read, setRead] = useState<ReportRead | null>(null);
  const { busy, error, run } = useAction();
  const base = `/programs/${encodeURIComponent(program.programId)}`;
  const submitted = report.sha256 !== null && report.submittedAt !== null;
  const inReport = program.stage === 'report';
  const editable = inReport && !submitted && (hasRole(session, 'principal') || hasRole(session, 'qa_team'));
  const quorum = program.approvalPolicy.report.quorum;
  const signedBy = report.signatures.filter((s) => s.decision === 'approve' && s.reportSha256 === report.sha256);
  const mine = report.signatures.some((s) => s.by === session?.user.userId && s.reportSha256 === report.sha256);
  const canSign = inReport && submitted && !report.signedOffAt && !mine && hasRole(session, program.approvalPolicy.report.role);
  const issues = issuesUnder(error?.issues ?? [], 'sections.');

  const act = async (fn: () => Promise<unknown>) => {
    setNotice(null);
    if ((await run(fn)) !== undefined) {
      setNotice(t('done'));
      reload();
    }
  };

  return (
    <section aria-label={t('tabReport')}>
      {editable && (
        <form onSubmit={(e) => { e.preventDefault(); void act(() => api.put(`${base}/report`, { sections })); }} aria-label={t('reportSections')}>
          <h3>{t('reportSections')}</h3>
          {SECTIONS.map((s) => (
            <TextArea key={s} label={label('reportSection', s, lang)} rows={3} value={sections[s]} issue={issues.get(s)}
              onChange={(e) => setSections({ ...sections, [s]: e.target.value })} />
          ))}
          <div className="actions">
            <button type="submit" disabled={busy}>{t('saveReport')}</button>
            {hasRole(session, 'principal') && (
              <button type="button" className="primary" disabled={busy}
                onClick={() => void act(async () => { await api.put(`${base}/report`, { sections }); return api.post(`${base}/report/submit`, {}); })}>
                {t('submitReport')}
              </button>
            )}
          </div>
        </form>
      )}
      {(submitted || report.signedOffAt) && (
        <section className="card" aria-labelledby="signoff-title" data-testid="signoff">
          <h3 id="signoff-title">{t('signOff')}</h3>
          <p data-testid="quorum-status" className={signedBy.length >= quorum ? 'ok-text' : ''}>
            {t('quorum', { n: signedBy.length, q: quorum })}{report.signedOffAt ? ` · ${t('quorumReached')} (${dateTime(report.signedOffAt, lang, program.timeZone)})` : ''}
          </p>
          <progress max={quorum} value={Math.min(signedBy.length, quorum)} aria-label={t('quorum', { n: signedBy.length, q: quorum })} />
          <p className="muted">{t('reportHash')}: <span className="mono" title={report.sha256 ?? ''}>{shortHash(report.sha256)}</span></p>
          <ul className="plain" data-testid="signers">
            {report.signatures.map((s, i) => (
              <li key={i}>{s.decision === 'approve' ? '✓' : '✕'} {personName(view.people, s.by)} ({label('role', s.role ?? 'committee', lang)}) · {dateTime(s.at, lang, program.timeZone)}{s.reason ? ` — “${s.reason}”` : ''}</li>
            ))}
          </ul>
        </section>
      )}
      {(submitted || report.signedOffAt || program.stage === 'closed') && <ReportPreview programId={program.programId} version={program.version} onRead={setRead} />}
      {canSign && read && read.version !== null && (
        <>
          {/* The signer sees exactly what their signature names: the version and the full hash of the report above. */}
          <p data-testid="signing-what" className="card">
            {t('signingWhat', { v: read.version })}<br />
            <span className="mono" data-testid="signing-hash">{read.sha256}</span>
          </p>
          <DecisionPanel title={t('signOff')} approveText={t('sign')} path={`${base}/report/sign`} extraBody={{ reportVersion: read.version, reportSha256: read.sha256 }} onDone={reload} />
        </>
      )}
      {inReport && report.signedOffAt && hasRole(session, 'principal') && (
        <button type="button" className="primary" disabled={busy} onClick={() => void act(() => api.post(`${base}/close`, {}))}>{t('closeProgram')}</button>
      )}
      <ErrorMessage error={error} />
      <Notice text={notice} />
    </section>
  );
}
