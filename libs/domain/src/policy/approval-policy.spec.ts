import { given } from '../testing/specification';
import { REPORT_SHA, actors, command, completeReport, createProgram, programAt, runCommands, sha } from '../testing/fixtures';
import type { RunResult } from '../testing/fixtures';
import { DEFAULT_APPROVAL_POLICY, type ApprovalPolicy } from '../program/program.schemas';
import type { Program } from '../program/program.state';
import { APPROVAL_POLICY_SET, committeeMembersNeeded, policyInForce, type PolicyStreamEvent } from './approval-policy';

const policy = (quorum: number, rejection?: 'any' | 'majority'): ApprovalPolicy => ({
  ...DEFAULT_APPROVAL_POLICY,
  report: { role: 'committee', quorum, ...(rejection ? { rejection } : {}) },
});
const set = (version: number, schoolId: string | null, p: ApprovalPolicy): PolicyStreamEvent => ({
  version,
  type: APPROVAL_POLICY_SET,
  data: { regionId: 'reg-1', schoolId, policy: p, reason: 'SK Kepala Dinas', by: 'u-district', role: 'district_officer', at: '2026-01-02T00:00:00Z' },
});

/** A program in the report stage under `p`, its report submitted. */
function submittedUnder(p: ApprovalPolicy): RunResult {
  const atReport = programAt('report');
  const withPolicy: RunResult = { ...atReport, state: { ...atReport.state, approvalPolicy: p } as Program };
  return runCommands(
    [command('EditReport', actors.qaTeam, { sections: completeReport }), command('SubmitReport', actors.principal, { reportSha256: REPORT_SHA })],
    withPolicy,
  );
}
const versionOf = (r: RunResult) => (r.state as Program).report.submittedVersion!;
const sign = (r: RunResult, actor: typeof actors.committee1, decision: 'approve' | 'reject', extra: { reportSha256?: string; reportVersion?: number } = {}) =>
  command('SignReport', actor, { decision, reportSha256: REPORT_SHA, reportVersion: versionOf(r), ...(decision === 'reject' ? { reason: 'Data realisasi kurang' } : {}), ...extra });

describe('the approval policy in force', () => {
  it('is the documented default, version 0, when the region never set one', () => {
    expect(policyInForce([], 'reg-1', 'sch-1')).toMatchObject({ policy: DEFAULT_APPROVAL_POLICY, ref: { scope: 'default', version: 0 } });
    expect(DEFAULT_APPROVAL_POLICY.report).toEqual({ role: 'committee', quorum: 2, rejection: 'any' });
  });

  it("takes the school's latest policy over the region's, and the region's latest over older versions", () => {
    const events = [set(1, null, policy(2, 'any')), set(2, 'sch-1', policy(3, 'majority')), set(3, null, policy(4, 'any'))];
    expect(policyInForce(events, 'reg-1', 'sch-1')).toMatchObject({ policy: policy(3, 'majority'), ref: { scope: 'school', schoolId: 'sch-1', version: 2 } });
    expect(policyInForce(events, 'reg-1', 'sch-2')).toMatchObject({ policy: policy(4, 'any'), ref: { scope: 'region', schoolId: null, version: 3 } });
  });

  it('needs quorum members under "any" and room for the rejections short of a return under "majority"', () => {
    expect(committeeMembersNeeded(policy(2, 'any').report)).toBe(2);
    expect(committeeMembersNeeded(policy(3, 'majority').report)).toBe(4);
    expect(committeeMembersNeeded(policy(2).report)).toBe(2);
  });

  it('is recorded with its version in ProgramCreated', () => {
    const ref = { scope: 'region' as const, regionId: 'reg-1', schoolId: null, version: 7 };
    const created = runCommands([createProgram({ approvalPolicy: policy(3, 'majority'), approvalPolicyRef: ref })]);
    expect(created.events[0]!.data).toMatchObject({ approvalPolicy: policy(3, 'majority'), approvalPolicyRef: ref });
    expect((created.state as Program).approvalPolicyRef).toEqual(ref);
  });
});

describe('the rejection rule under quorum', () => {
  it('"any": one rejection returns the report', () => {
    const r = submittedUnder(policy(2, 'any'));
    const after = runCommands([sign(r, actors.committee1, 'reject')], r).state as Program;
    expect(after.report.sha256).toBeNull();
  });

  it('a policy without a written rule (programs created before) behaves as "any"', () => {
    const r = submittedUnder(policy(2));
    expect((runCommands([sign(r, actors.committee1, 'reject')], r).state as Program).report.sha256).toBeNull();
  });

  it('"majority": a single rejection stays on record, the second of a quorum of 3 returns the report', () => {
    const r = submittedUnder(policy(3, 'majority'));
    const one = runCommands([sign(r, actors.committee1, 'reject')], r);
    expect((one.state as Program).report.sha256).toBe(REPORT_SHA);
    expect((one.state as Program).report.signatures).toHaveLength(1);
    const two = runCommands([sign(r, actors.committee2, 'reject')], one);
    expect((two.state as Program).report.sha256).toBeNull();
  });

  it('"majority": approvals reaching the quorum sign off despite a minority rejection', () => {
    const r = submittedUnder(policy(2, 'majority'));
    const one = runCommands([sign(r, actors.committee1, 'reject'), sign(r, actors.committee2, 'approve')], r);
    given(one.state).when(sign(r, actors.committee3, 'approve')).thenEmits(['ReportSigned', 'ReportSignedOff']);
  });
});

describe('a signature binds to the version and hash that were read', () => {
  it('refuses a superseded version of identical content with REPORT_CHANGED', () => {
    const r = submittedUnder(policy(2, 'any'));
    const v1 = versionOf(r);
    const returned = runCommands([sign(r, actors.committee1, 'reject')], r);
    const again = runCommands([command('SubmitReport', actors.principal, { reportSha256: REPORT_SHA })], returned);
    expect(versionOf(again)).toBeGreaterThan(v1);
    given(again.state).when(sign(again, actors.committee2, 'approve', { reportVersion: v1 })).thenThrows('REPORT_CHANGED', 409);
    given(again.state).when(sign(again, actors.committee2, 'approve')).thenEmits(['ReportSigned']);
  });

  it('refuses another hash, and a version that was returned for revision, with REPORT_CHANGED', () => {
    const r = submittedUnder(policy(2, 'any'));
    given(r.state).when(sign(r, actors.committee2, 'approve', { reportSha256: sha(9) })).thenThrows('REPORT_CHANGED', 409);
    const returned = runCommands([sign(r, actors.committee1, 'reject')], r);
    given(returned.state).when(sign(r, actors.committee2, 'approve')).thenThrows('REPORT_CHANGED', 409);
  });
});
