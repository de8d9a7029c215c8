// Decisions of the document and report stages, and closing.
import { DomainError } from '../errors';
import type { CommandOf } from './program.commands';
import { type ProgramEvent, event } from './program.events';
import { missingEvidence } from './plan.rules';
import { REPORT_SECTIONS } from './program.schemas';
import type { ProgramState } from './program.state';
import {
  meta,
  requireFourEyes,
  requireProgram,
  requireReason,
  requireRole,
  requireStage,
} from './program.guards';

export function decideCompleteDocumentation(
  command: CommandOf<'CompleteDocumentation'>,
  state: ProgramState,
): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const role = requireRole(command.actor, ['qa_team'], 'complete the documentation');
  requireStage(program, ['document'], 'complete the documentation');
  if (program.submissions.documentation) {
    throw new DomainError('ALREADY_SUBMITTED', 'The documentation is already submitted.');
  }
  const missing = program.plan.activities.filter((a) => a.status === 'done').flatMap(missingEvidence);
  if (missing.length > 0) {
    throw new DomainError('MISSING_EVIDENCE', 'Some activities lack required evidence.', { missing });
  }
  return [event('DocumentationSubmitted', meta(command, role))];
}

export function decideDecideDocumentation(
  command: CommandOf<'DecideDocumentation'>,
  state: ProgramState,
): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const policy = program.approvalPolicy.documentation;
  const role = requireRole(command.actor, [policy.role], 'decide on the documentation');
  requireStage(program, ['document'], 'decide on the documentation');
  const submission = program.submissions.documentation;
  if (!submission) throw new DomainError('NOT_SUBMITTED', 'The documentation has not been submitted.');
  requireFourEyes(command.actor, [submission.by], 'documentation');
  if (submission.approvedBy.includes(command.actor.userId)) {
    throw new DomainError('ALREADY_DECIDED', 'You already approved this documentation.');
  }
  const m = meta(command, role);
  if (command.payload.decision === 'reject') {
    const reason = requireReason(command.payload.reason, 'reject the documentation');
    return [event('DocumentationRejected', { reason, ...m })];
  }
  const approved = event('DocumentationApproved', m);
  if (submission.approvedBy.length + 1 < policy.approvals) return [approved];
  return [approved, event('StageAdvanced', { from: 'document', to: 'report', at: command.now })];
}

export function decideEditReport(command: CommandOf<'EditReport'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const role = requireRole(command.actor, ['principal', 'qa_team'], 'edit the report');
  requireStage(program, ['report'], 'edit the report');
  if (program.report.sha256 !== null) {
    throw new DomainError('ALREADY_SUBMITTED', 'The report is submitted and cannot be edited.');
  }
  return [event('ReportEdited', { sections: command.payload.sections, ...meta(command, role) })];
}

export function decideSubmitReport(command: CommandOf<'SubmitReport'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const role = requireRole(command.actor, ['principal'], 'submit the report');
  requireStage(program, ['report'], 'submit the report');
  if (program.report.sha256 !== null) throw new DomainError('ALREADY_SUBMITTED', 'The report is already submitted.');
  const empty = REPORT_SECTIONS.filter((s) => program.report.sections[s].trim() === '');
  if (empty.length > 0) {
    throw new DomainError('REPORT_INCOMPLETE', 'Every report section must be written.', { emptySections: empty });
  }
  return [event('ReportSubmitted', { reportSha256: command.payload.reportSha256, ...meta(command, role) })];
}

export function decideSignReport(command: CommandOf<'SignReport'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const policy = program.approvalPolicy.report;
  const role = requireRole(command.actor, [policy.role], 'sign the report');
  requireStage(program, ['report'], 'sign the report');
  const { report } = program;
  if (report.sha256 === null) {
    // The member read a submission that has since been returned for revision.
    if (command.payload.reportVersion !== undefined) {
      throw new DomainError('REPORT_CHANGED', 'The report you read was returned for revision and is not submitted now.', {
        current: { version: null, sha256: null },
        signed: { version: command.payload.reportVersion, sha256: command.payload.reportSha256 },
      });
    }
    throw new DomainError('NOT_SUBMITTED', 'The report has not been submitted.');
  }
  if (report.signedOffAt !== null) throw new DomainError('ALREADY_DECIDED', 'The report is already signed off.');
  requireFourEyes(command.actor, [report.submittedBy, ...report.authors], 'a report');
  if (report.signatures.some((s) => s.by === command.actor.userId)) {
    throw new DomainError('ALREADY_SIGNED', 'You already signed this report.');
  }
  const { decision, reportSha256, reportVersion } = command.payload;
  // A signature binds to what the member read: the submitted version and its content hash. A
  // command recorded before versions were named carries none; its hash still has to match.
  const currentVersion = report.submittedVersion ?? null;
  const versionChanged = reportVersion !== undefined && currentVersion !== null && reportVersion !== currentVersion;
  if (reportSha256 !== report.sha256 || versionChanged) {
    throw new DomainError('REPORT_CHANGED', 'The report changed since you read it: read the current version and sign again.', {
      current: { version: currentVersion, sha256: report.sha256 },
      signed: { version: reportVersion ?? null, sha256: reportSha256 },
    });
  }
  const m = meta(command, role);
  if (decision === 'reject') {
    const reason = requireReason(command.payload.reason, 'reject the report');
    return [event('ReportSigned', { decision, reason, reportSha256, ...m })];
  }
  const signed = event('ReportSigned', { decision, reason: command.payload.reason?.trim() || null, reportSha256, ...m });
  const approvers = [...report.signatures.filter((s) => s.decision === 'approve').map((s) => s.by), m.by];
  if (approvers.length < policy.quorum) return [signed];
  return [signed, event('ReportSignedOff', { reportSha256, signedBy: approvers, at: command.now })];
}

export function decideCloseProgram(command: CommandOf<'CloseProgram'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const role = requireRole(command.actor, ['principal'], 'close the program');
  requireStage(program, ['report'], 'close the program');
  if (program.report.signedOffAt === null) {
    throw new DomainError('REPORT_NOT_SIGNED_OFF', 'The report must be signed off before closing.');
  }
  return [
    event('ProgramClosed', meta(command, role)),
    event('StageAdvanced', { from: 'report', to: 'closed', at: command.now }),
  ];
}
