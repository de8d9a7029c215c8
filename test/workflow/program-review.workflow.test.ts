import type { ProgramCommand } from '@mutu/domain';
import { programStreamId } from '@mutu/persistence';
import { actors, command, completeReport, evidenceFor, happyPath, REPORT_SHA, sha, validPlan } from '@mutu/domain/testing';
import { expectStoreMatches, refusalOf, stageOf, scoped, send, sendAll, startProgram, startProgramHarness, uniqueId, type ProgramHarness } from './program-harness';

type Approval = { stage: string; decision: string };

describe('program workflow review stages (time-skipping Temporal + PostgreSQL)', () => {
  let h: ProgramHarness;

  beforeAll(async () => {
    h = await startProgramHarness();
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('holds documentation back while evidence is missing and returns it after a supervisor rejection', async () => {
    const programId = uniqueId('doc-loop');
    const path = happyPath(2);
    const act1 = validPlan(2).activities[0];
    const act1Evidence = evidenceFor(act1, actors.staff, 1);
    // Execute act-1 without its last required evidence file.
    const execute = path.execute.filter((c) => c.type !== 'AttachEvidence' || c.payload.sha256 !== act1Evidence[act1Evidence.length - 1].payload.sha256);
    expect(execute).toHaveLength(path.execute.length - 1);
    const s = (c: ProgramCommand) => scoped(programId, c);
    await h.withWorker(async () => {
      const handle = await startProgram(h, programId);
      const entered = await sendAll(handle, [...path.plan, ...path.assign, ...execute].map(s));
      expect(stageOf(entered!.state)).toBe('document');

      expect(await refusalOf(send(handle, s(command('CompleteDocumentation', actors.qaTeam, {}))))).toBe('MISSING_EVIDENCE');
      expect(await h.store.currentVersion(programStreamId(programId))).toBe(entered!.version);

      const missing = act1Evidence[act1Evidence.length - 1];
      await send(handle, s(command('AttachEvidence', actors.staff, { ...missing.payload })));
      await send(handle, s(command('CompleteDocumentation', actors.qaTeam, {})));
      // A reason is required to reject; the QA team cannot approve their own submission's stage.
      expect(await refusalOf(send(handle, s(command('DecideDocumentation', actors.supervisor, { decision: 'reject' }))))).toBeDefined();
      const rejected = await send(handle, s(command('DecideDocumentation', actors.supervisor, { decision: 'reject', reason: 'Foto kegiatan tidak terbaca' })));
      expect(stageOf(rejected.state)).toBe('document');

      await send(handle, s(command('AttachEvidence', actors.staff, { ...missing.payload, sha256: sha(777), filename: 'foto-ulang.jpg' })));
      await send(handle, s(command('CompleteDocumentation', actors.qaTeam, {})));
      const approved = await send(handle, s(command('DecideDocumentation', actors.supervisor, { decision: 'approve' })));
      expect(stageOf(approved.state)).toBe('report');
      const decisions = (approved.state as unknown as { approvals: Approval[] }).approvals.filter((a) => a.stage === 'documentation');
      expect(decisions.map((a) => a.decision)).toEqual(['reject', 'approve']);
      await expectStoreMatches(h, programId, approved.state, approved.version);
    });
  });

  it('returns a report rejected by a committee member and signs it off once the quorum approves', async () => {
    const programId = uniqueId('report-loop');
    const path = happyPath(1);
    const s = (c: ProgramCommand) => scoped(programId, c);
    const revisedSha = sha(0xcafe);
    await h.withWorker(async () => {
      const handle = await startProgram(h, programId);
      const entered = await sendAll(handle, [...path.plan, ...path.assign, ...path.execute, ...path.document].map(s));
      expect(stageOf(entered!.state)).toBe('report');

      await send(handle, s(command('EditReport', actors.qaTeam, { sections: completeReport })));
      await send(handle, s(command('SubmitReport', actors.principal, { reportSha256: REPORT_SHA })));
      const rejected = await send(
        handle,
        s(command('SignReport', actors.committee1, { decision: 'reject', reportSha256: REPORT_SHA, reason: 'Rincian biaya belum lengkap' })),
      );
      expect(stageOf(rejected.state)).toBe('report');
      // Back to editable: the committee cannot sign until a revised report is submitted.
      expect(await refusalOf(send(handle, s(command('SignReport', actors.committee2, { decision: 'approve', reportSha256: REPORT_SHA }))))).toBe('NOT_SUBMITTED');

      await send(handle, s(command('EditReport', actors.qaTeam, { sections: { ...completeReport, activitiesNarrative: 'Rincian biaya per kegiatan' } })));
      await send(handle, s(command('SubmitReport', actors.principal, { reportSha256: revisedSha })));
      await send(handle, s(command('SignReport', actors.committee1, { decision: 'approve', reportSha256: revisedSha })));
      expect(await refusalOf(send(handle, s(command('SignReport', actors.committee1, { decision: 'approve', reportSha256: revisedSha }))))).toBe('ALREADY_SIGNED');
      expect(await refusalOf(send(handle, s(command('CloseProgram', actors.principal, {}))))).toBe('REPORT_NOT_SIGNED_OFF');
      const signedOff = await send(handle, s(command('SignReport', actors.committee2, { decision: 'approve', reportSha256: revisedSha })));
      expect((signedOff.state as unknown as { report: { signedOffAt: string | null } }).report.signedOffAt).not.toBeNull();

      await send(handle, s(command('CloseProgram', actors.principal, {})));
      const carry = await handle.result();
      expect(stageOf(carry.state)).toBe('closed');
      await expectStoreMatches(h, programId, carry.state, carry.version);
    });
  });
});
