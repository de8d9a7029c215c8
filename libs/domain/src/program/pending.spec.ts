import { REPORT_SHA, actors, command, completeReport, programAt, runCommands } from '../testing/fixtures';
import { pendingDecisions } from './program.pending';
import { initialProgramState } from './program.state';

const kinds = (r: { state: Parameters<typeof pendingDecisions>[0] }) => pendingDecisions(r.state).map((p) => p.kind);

describe('pendingDecisions', () => {
  it('nothing is pending for a program that does not exist or is closed', () => {
    expect(pendingDecisions(initialProgramState())).toEqual([]);
    expect(pendingDecisions(programAt('closed').state)).toEqual([]);
  });

  it('a draft plan waits on the principal; a submitted one on the supervisor', () => {
    const created = programAt('plan');
    expect(pendingDecisions(created.state)).toEqual([
      { kind: 'revise_plan', stage: 'plan', role: 'principal', since: created.state.createdAt },
    ]);
    const submit = command('SubmitPlan', actors.principal, {});
    const submitted = runCommands([submit], created);
    expect(pendingDecisions(submitted.state)).toEqual([{ kind: 'approve_plan', stage: 'plan', role: 'supervisor', since: submit.now }]);
  });

  it('after a rejection the plan waits on the principal since the rejection', () => {
    // Commands are stamped when built, so build them in the order they happen.
    const created = programAt('plan');
    const submit = command('SubmitPlan', actors.principal, {});
    const reject = command('DecidePlan', actors.supervisor, { decision: 'reject', reason: 'Belum lengkap' });
    const r = runCommands([submit, reject], created);
    expect(pendingDecisions(r.state)).toEqual([{ kind: 'revise_plan', stage: 'plan', role: 'principal', since: reject.now }]);
  });

  it('assignment waits on the principal', () => {
    expect(kinds(programAt('assign'))).toEqual(['assign_activities']);
  });

  it('each open activity waits on its person in charge', () => {
    const r = runCommands(
      [command('CompleteActivity', actors.principal, { activityId: 'act-1', actualStart: '2025-02-03', actualEnd: '2025-02-03', realisedCost: 0, outcome: 'ok' })],
      programAt('execute'),
    );
    expect(pendingDecisions(r.state)).toEqual([
      expect.objectContaining({ kind: 'execute_activity', stage: 'execute', role: 'staff', userId: actors.staff.userId, activityId: 'act-2' }),
    ]);
  });

  it('documentation waits on the QA team, then on the supervisor', () => {
    const doc = programAt('document');
    expect(kinds(doc)).toEqual(['complete_documentation']);
    expect(kinds(runCommands([command('CompleteDocumentation', actors.qaTeam, {})], doc))).toEqual(['approve_documentation']);
  });

  it('the report waits on the principal, then the committee, then the principal to close', () => {
    const report = programAt('report');
    expect(kinds(report)).toEqual(['write_report']);
    const submitted = runCommands(
      [command('EditReport', actors.qaTeam, { sections: completeReport }), command('SubmitReport', actors.principal, { reportSha256: REPORT_SHA })],
      report,
    );
    expect(pendingDecisions(submitted.state)).toEqual([expect.objectContaining({ kind: 'sign_report', role: 'committee' })]);
    const signed = runCommands(
      [
        command('SignReport', actors.committee1, { decision: 'approve', reportSha256: REPORT_SHA }),
        command('SignReport', actors.committee2, { decision: 'approve', reportSha256: REPORT_SHA }),
      ],
      submitted,
    );
    expect(kinds(signed)).toEqual(['close_program']);
  });

  it('a cancellation request adds a decision for the supervisor', () => {
    const req = command('RequestCancellation', actors.principal, { reason: 'Pindah anggaran' });
    const r = runCommands([req], programAt('assign'));
    expect(pendingDecisions(r.state)).toEqual([
      expect.objectContaining({ kind: 'assign_activities' }),
      { kind: 'confirm_cancellation', stage: 'assign', role: 'supervisor', since: req.now },
    ]);
  });
});
