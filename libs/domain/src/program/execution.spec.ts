import { given } from '../testing/specification';
import { actors, command, evidenceFor, makeActor, plannedActivity, programAt, runCommands, sha } from '../testing/fixtures';
import type { Program } from './program.state';

const assign = (activityId: string, personInCharge = actors.staff.userId) =>
  command('AssignActivity', actors.principal, { activityId, personInCharge, participants: [actors.staff2.userId] });
const complete = (activityId: string, actor = actors.staff) =>
  command('CompleteActivity', actor, {
    activityId,
    actualStart: '2025-02-03',
    actualEnd: '2025-02-04',
    realisedCost: 4_500_000,
    outcome: 'Terlaksana',
  });
const attach = (activityId: string, n: number, actor = actors.staff) =>
  command('AttachEvidence', actor, {
    activityId,
    sha256: sha(n),
    kind: 'photo',
    filename: `foto-${n}.jpg`,
    size: 2048,
    mimeType: 'image/jpeg',
  });

const inExecute = () => programAt('execute');
const started = () => runCommands([command('StartActivity', actors.staff, { activityId: 'act-1' })], inExecute());

describe('AssignActivity', () => {
  it('the principal assigns a person in charge and participants', () => {
    const cmd = assign('act-1');
    given(programAt('assign').state).when(cmd).then([
      {
        type: 'ActivityAssigned',
        v: 1,
        data: {
          activityId: 'act-1',
          personInCharge: actors.staff.userId,
          participants: [actors.staff2.userId],
          previousPersonInCharge: null,
          by: actors.principal.userId,
          role: 'principal',
          at: cmd.now,
        },
      },
    ]);
  });

  it('reassigning during execution records the previous person in charge', () => {
    const [e] = given(inExecute().state).when(assign('act-1', actors.staff2.userId)).thenEmits(['ActivityAssigned']);
    expect(e!.data).toMatchObject({ personInCharge: actors.staff2.userId, previousPersonInCharge: actors.staff.userId });
  });

  it('staff cannot assign', () => {
    given(programAt('assign').state)
      .when(command('AssignActivity', actors.staff, { activityId: 'act-1', personInCharge: 'x', participants: [] }))
      .thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('cannot assign in the plan stage', () => {
    given(programAt('plan').state).when(assign('act-1')).thenThrows('WRONG_STAGE', 409);
  });

  it('cannot assign an unknown activity', () => {
    given(programAt('assign').state).when(assign('act-99')).thenThrows('ACTIVITY_NOT_FOUND', 404);
  });

  it('cannot reassign a finished activity', () => {
    const r = runCommands([complete('act-1')], inExecute());
    given(r.state).when(assign('act-1', actors.staff2.userId)).thenThrows('ACTIVITY_NOT_OPEN', 409);
  });

  it('out of scope answers 404', () => {
    given(programAt('assign').state)
      .when(command('AssignActivity', actors.outsider, { activityId: 'act-1', personInCharge: 'x', participants: [] }))
      .thenThrows('OUT_OF_SCOPE', 404);
  });
});

describe('ConfirmAssignments', () => {
  const allAssigned = () => runCommands([assign('act-1'), assign('act-2')], programAt('assign'));

  it('moves to execute when every activity has a person in charge', () => {
    const cmd = command('ConfirmAssignments', actors.principal, {});
    given(allAssigned().state).when(cmd).then([
      { type: 'AssignmentsConfirmed', v: 1, data: { by: actors.principal.userId, role: 'principal', at: cmd.now } },
      { type: 'StageAdvanced', v: 1, data: { from: 'assign', to: 'execute', at: cmd.now } },
    ]);
  });

  it('refuses while an activity has no person in charge, listing it', () => {
    const r = runCommands([assign('act-1')], programAt('assign'));
    given(r.state).when(command('ConfirmAssignments', actors.principal, {})).thenThrows('UNASSIGNED_ACTIVITIES', 422);
    try {
      runCommands([command('ConfirmAssignments', actors.principal, {})], r);
    } catch (e) {
      expect((e as { details: unknown }).details).toEqual({ activityIds: ['act-2'] });
    }
  });

  it('dropped activities need no person in charge', () => {
    const r = runCommands(
      [assign('act-1'), command('DropActivity', actors.principal, { activityId: 'act-2', reason: 'Anggaran dialihkan' })],
      programAt('assign'),
    );
    given(r.state).when(command('ConfirmAssignments', actors.principal, {})).thenEmits(['AssignmentsConfirmed', 'StageAdvanced']);
  });

  it('when every activity was dropped, execution is skipped straight to documentation', () => {
    const r = runCommands(
      ['act-1', 'act-2'].map((id) => command('DropActivity', actors.principal, { activityId: id, reason: 'Dibatalkan' })),
      programAt('assign'),
    );
    const state = given(r.state).when(command('ConfirmAssignments', actors.principal, {})).thenState() as Program;
    expect(state.stage).toBe('document');
  });

  it('the QA team cannot confirm assignments', () => {
    given(allAssigned().state).when(command('ConfirmAssignments', actors.qaTeam, {})).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('cannot confirm twice', () => {
    given(inExecute().state).when(command('ConfirmAssignments', actors.principal, {})).thenThrows('WRONG_STAGE', 409);
  });
});

describe('StartActivity', () => {
  it('the person in charge starts the activity', () => {
    const state = given(inExecute().state)
      .when(command('StartActivity', actors.staff, { activityId: 'act-1' }))
      .thenState() as Program;
    expect(state.plan.activities[0]).toMatchObject({ status: 'in_progress', startedAt: expect.any(String) });
  });

  it('the principal may start it too', () => {
    const [e] = given(inExecute().state).when(command('StartActivity', actors.principal, { activityId: 'act-1' })).thenEmits(['ActivityStarted']);
    expect(e!.data).toMatchObject({ role: 'principal' });
  });

  it('other staff cannot start an activity they are not in charge of', () => {
    given(inExecute().state).when(command('StartActivity', actors.staff2, { activityId: 'act-1' })).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('cannot start before assignments are confirmed', () => {
    const r = runCommands([assign('act-1')], programAt('assign'));
    given(r.state).when(command('StartActivity', actors.staff, { activityId: 'act-1' })).thenThrows('WRONG_STAGE', 409);
  });

  it('cannot start twice', () => {
    given(started().state).when(command('StartActivity', actors.staff, { activityId: 'act-1' })).thenThrows('ACTIVITY_NOT_OPEN', 409);
  });

  it('a person in charge moved to another school is out of scope', () => {
    const moved = makeActor(actors.staff.userId, ['staff'], { schoolIds: ['sch-9'] });
    given(inExecute().state).when(command('StartActivity', moved, { activityId: 'act-1' })).thenThrows('OUT_OF_SCOPE', 404);
  });
});

describe('CompleteActivity', () => {
  it('the person in charge records the execution', () => {
    const cmd = complete('act-1');
    given(started().state).when(cmd).then([
      {
        type: 'ActivityCompleted',
        v: 1,
        data: {
          activityId: 'act-1',
          execution: { actualStart: '2025-02-03', actualEnd: '2025-02-04', realisedCost: 4_500_000, outcome: 'Terlaksana' },
          by: actors.staff.userId,
          role: 'staff',
          at: cmd.now,
        },
      },
    ]);
  });

  it('completing the last open activity also advances to documentation', () => {
    const r = runCommands([complete('act-1')], inExecute());
    const cmd = complete('act-2', actors.principal);
    const events = given(r.state).when(cmd).thenEmits(['ActivityCompleted', 'StageAdvanced']);
    expect(events[1]!.data).toEqual({ from: 'execute', to: 'document', at: cmd.now });
  });

  it('refuses an end before the start or dates outside the budget year', () => {
    const bad = command('CompleteActivity', actors.staff, {
      activityId: 'act-1',
      actualStart: '2025-03-05',
      actualEnd: '2025-03-01',
      realisedCost: 0,
      outcome: 'x',
    });
    given(started().state).when(bad).thenThrows('INVALID_EXECUTION', 422);
    const nextYear = command('CompleteActivity', actors.staff, {
      activityId: 'act-1',
      actualStart: '2025-12-30',
      actualEnd: '2026-01-02',
      realisedCost: 0,
      outcome: 'x',
    });
    given(started().state).when(nextYear).thenThrows('INVALID_EXECUTION', 422);
  });

  it('a committee member cannot complete an activity', () => {
    given(started().state).when(complete('act-1', actors.committee1)).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('cannot complete an activity twice', () => {
    const r = runCommands([complete('act-1')], inExecute());
    given(r.state).when(complete('act-1')).thenThrows('ACTIVITY_NOT_OPEN', 409);
  });

  it('cannot complete outside the execute stage', () => {
    given(programAt('document').state).when(complete('act-1')).thenThrows('WRONG_STAGE', 409);
  });
});

describe('DropActivity', () => {
  it('the principal drops an activity with a reason', () => {
    const state = given(inExecute().state)
      .when(command('DropActivity', actors.principal, { activityId: 'act-1', reason: 'Narasumber berhalangan' }))
      .thenState() as Program;
    expect(state.plan.activities[0]).toMatchObject({ status: 'dropped', dropReason: 'Narasumber berhalangan' });
  });

  it('dropping the last open activity advances to documentation', () => {
    const r = runCommands([complete('act-1')], inExecute());
    given(r.state)
      .when(command('DropActivity', actors.principal, { activityId: 'act-2', reason: 'Tidak jadi' }))
      .thenEmits(['ActivityDropped', 'StageAdvanced']);
  });

  it('needs a reason', () => {
    given(inExecute().state)
      .when(command('DropActivity', actors.principal, { activityId: 'act-1', reason: '' }))
      .thenThrows('REASON_REQUIRED', 422);
  });

  it('the person in charge cannot drop their activity', () => {
    given(inExecute().state)
      .when(command('DropActivity', actors.staff, { activityId: 'act-1', reason: 'x' }))
      .thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('cannot drop a done activity', () => {
    const r = runCommands([complete('act-1')], inExecute());
    given(r.state)
      .when(command('DropActivity', actors.principal, { activityId: 'act-1', reason: 'x' }))
      .thenThrows('ACTIVITY_NOT_OPEN', 409);
  });

  it('cannot drop in the plan stage (edit the plan instead)', () => {
    given(programAt('plan').state)
      .when(command('DropActivity', actors.principal, { activityId: 'act-1', reason: 'x' }))
      .thenThrows('WRONG_STAGE', 409);
  });
});

describe('AttachEvidence', () => {
  it('the person in charge attaches a file to a started activity', () => {
    const cmd = attach('act-1', 1);
    given(started().state).when(cmd).then([
      {
        type: 'EvidenceAttached',
        v: 1,
        data: {
          activityId: 'act-1',
          evidence: { sha256: sha(1), kind: 'photo', filename: 'foto-1.jpg', size: 2048, mimeType: 'image/jpeg' },
          by: actors.staff.userId,
          role: 'staff',
          at: cmd.now,
        },
      },
    ]);
  });

  it('the QA team and the principal may attach evidence, also during documentation', () => {
    given(started().state).when(attach('act-1', 2, actors.qaTeam)).thenEmits(['EvidenceAttached']);
    const state = given(programAt('document').state).when(attach('act-1', 99, actors.principal)).thenState() as Program;
    expect(state.plan.activities[0]!.evidence.map((e) => e.sha256)).toContain(sha(99));
    expect(state.plan.activities[0]!.evidence.at(-1)).toMatchObject({ uploadedBy: actors.principal.userId });
  });

  it('refuses the same file twice on an activity', () => {
    const r = runCommands([attach('act-1', 1)], started());
    given(r.state).when(attach('act-1', 1, actors.qaTeam)).thenThrows('DUPLICATE_EVIDENCE', 409);
  });

  it('refuses evidence for an activity not yet started', () => {
    given(inExecute().state).when(attach('act-1', 1)).thenThrows('ACTIVITY_NOT_OPEN', 409);
  });

  it('a committee member cannot attach evidence', () => {
    given(started().state).when(attach('act-1', 1, actors.committee1)).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('cannot attach evidence in the report stage', () => {
    given(programAt('report').state).when(attach('act-1', 77, actors.qaTeam)).thenThrows('WRONG_STAGE', 409);
  });

  it('cannot attach while documentation waits for approval', () => {
    const r = runCommands([command('CompleteDocumentation', actors.qaTeam, {})], programAt('document'));
    given(r.state).when(attach('act-1', 77, actors.qaTeam)).thenThrows('ALREADY_SUBMITTED', 409);
  });
});

describe('WithdrawEvidence', () => {
  const withFile = () => runCommands([attach('act-1', 5)], started());

  it('removes the file with a reason', () => {
    const state = given(withFile().state)
      .when(command('WithdrawEvidence', actors.staff, { activityId: 'act-1', sha256: sha(5), reason: 'Salah unggah' }))
      .thenState() as Program;
    expect(state.plan.activities[0]!.evidence).toEqual([]);
  });

  it('needs a reason', () => {
    given(withFile().state)
      .when(command('WithdrawEvidence', actors.qaTeam, { activityId: 'act-1', sha256: sha(5), reason: ' ' }))
      .thenThrows('REASON_REQUIRED', 422);
  });

  it('refuses an unknown file', () => {
    given(withFile().state)
      .when(command('WithdrawEvidence', actors.staff, { activityId: 'act-1', sha256: sha(6), reason: 'x' }))
      .thenThrows('EVIDENCE_NOT_FOUND', 404);
  });

  it('other staff cannot withdraw evidence', () => {
    given(withFile().state)
      .when(command('WithdrawEvidence', actors.staff2, { activityId: 'act-1', sha256: sha(5), reason: 'x' }))
      .thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('cannot withdraw after the documentation stage', () => {
    const r = programAt('report');
    const file = (r.state as Program).plan.activities[0]!.evidence[0]!;
    given(r.state)
      .when(command('WithdrawEvidence', actors.qaTeam, { activityId: 'act-1', sha256: file.sha256, reason: 'x' }))
      .thenThrows('WRONG_STAGE', 409);
  });
});

describe('evidence fixtures', () => {
  it('evidenceFor covers every required kind', () => {
    const a = plannedActivity(1);
    expect(evidenceFor(a).map((c) => c.payload.kind)).toEqual(a.requiredEvidence);
  });
});
