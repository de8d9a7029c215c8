import { given } from '../testing/specification';
import { actors, command, makeActor, programAt, runCommands, sampleCommands } from '../testing/fixtures';
import type { ProgramCommand } from './program.commands';
import type { Program } from './program.state';

const requestCancel = () => command('RequestCancellation', actors.principal, { reason: 'Dana BOSP tidak cair' });
const requested = (stage: 'plan' | 'execute' = 'execute') => runCommands([requestCancel()], programAt(stage));
const cancelled = () => runCommands([command('ConfirmCancellation', actors.supervisor, {})], requested());

describe('RequestCancellation', () => {
  it('the principal requests cancellation with a reason, in any open stage', () => {
    const cmd = requestCancel();
    given(programAt('plan').state).when(cmd).then([
      {
        type: 'CancellationRequested',
        v: 1,
        data: { reason: 'Dana BOSP tidak cair', by: actors.principal.userId, role: 'principal', at: cmd.now },
      },
    ]);
    given(programAt('report').state).when(requestCancel()).thenEmits(['CancellationRequested']);
  });

  it('needs a reason', () => {
    given(programAt('plan').state).when(command('RequestCancellation', actors.principal, { reason: '' })).thenThrows('REASON_REQUIRED', 422);
  });

  it('a supervisor cannot request cancellation', () => {
    given(programAt('plan').state).when(command('RequestCancellation', actors.supervisor, { reason: 'x' })).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('one request at a time', () => {
    given(requested().state).when(requestCancel()).thenThrows('CANCELLATION_PENDING', 409);
  });
});

describe('ConfirmCancellation', () => {
  it('a supervisor confirms: the program is cancelled from its current stage', () => {
    const cmd = command('ConfirmCancellation', actors.supervisor, { reason: 'Disetujui' });
    const events = given(requested().state).when(cmd).thenEmits(['ProgramCancelled', 'StageAdvanced']);
    expect(events[0]!.data).toMatchObject({ requestedBy: actors.principal.userId, requestReason: 'Dana BOSP tidak cair', reason: 'Disetujui' });
    expect(events[1]!.data).toEqual({ from: 'execute', to: 'cancelled', at: cmd.now });
    expect((cancelled().state as Program).status).toBe('cancelled');
  });

  it('the requester cannot confirm their own request (four-eyes)', () => {
    const both = makeActor('u-both', ['principal', 'supervisor']);
    const r = runCommands([command('RequestCancellation', both, { reason: 'x' })], programAt('plan'));
    given(r.state).when(command('ConfirmCancellation', both, {})).thenThrows('FOUR_EYES', 403);
  });

  it('nothing to confirm without a request', () => {
    given(programAt('plan').state).when(command('ConfirmCancellation', actors.supervisor, {})).thenThrows('NO_CANCELLATION_REQUEST', 409);
  });

  it('a district officer cannot confirm', () => {
    given(requested().state).when(command('ConfirmCancellation', actors.districtOfficer, {})).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('a supervisor of another region cannot confirm', () => {
    given(requested().state).when(command('ConfirmCancellation', actors.outsider, {})).thenThrows('OUT_OF_SCOPE', 404);
  });
});

describe('RejectCancellation', () => {
  it('a supervisor rejects with a reason; the program carries on', () => {
    const state = given(requested().state)
      .when(command('RejectCancellation', actors.supervisor, { reason: 'Masih bisa dilaksanakan' }))
      .thenState() as Program;
    expect(state.cancellation).toBeNull();
    expect(state.stage).toBe('execute');
    given(state).when(requestCancel()).thenEmits(['CancellationRequested']);
  });

  it('needs a reason', () => {
    given(requested().state).when(command('RejectCancellation', actors.supervisor, { reason: '' })).thenThrows('REASON_REQUIRED', 422);
  });

  it('needs a pending request', () => {
    given(programAt('plan').state).when(command('RejectCancellation', actors.supervisor, { reason: 'x' })).thenThrows('NO_CANCELLATION_REQUEST', 409);
  });
});

describe('ExtendDeadline', () => {
  it('a supervisor extends the deadline of the current stage or an activity', () => {
    const cmd = command('ExtendDeadline', actors.supervisor, { stage: 'execute', activityId: 'act-1', newDueDate: '2025-11-28', reason: 'Banjir' });
    given(programAt('execute').state).when(cmd).then([
      {
        type: 'DeadlineExtended',
        v: 1,
        data: { stage: 'execute', activityId: 'act-1', newDueDate: '2025-11-28', reason: 'Banjir', by: actors.supervisor.userId, role: 'supervisor', at: cmd.now },
      },
    ]);
  });

  it('the annual report deadline may move into the next year', () => {
    const state = given(programAt('report').state)
      .when(command('ExtendDeadline', actors.supervisor, { stage: 'report', newDueDate: '2026-02-14', reason: 'Libur panjang' }))
      .thenState() as Program;
    expect(state.deadlineExtensions).toEqual([expect.objectContaining({ stage: 'report', newDueDate: '2026-02-14', activityId: null })]);
  });

  it('needs a reason', () => {
    given(programAt('plan').state)
      .when(command('ExtendDeadline', actors.supervisor, { stage: 'plan', newDueDate: '2025-03-01', reason: '' }))
      .thenThrows('REASON_REQUIRED', 422);
  });

  it('a principal cannot extend deadlines', () => {
    given(programAt('plan').state)
      .when(command('ExtendDeadline', actors.principal, { stage: 'plan', newDueDate: '2025-03-01', reason: 'x' }))
      .thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('refuses a stage already finished, an unknown activity, and absurd dates', () => {
    const s = programAt('execute').state;
    given(s).when(command('ExtendDeadline', actors.supervisor, { stage: 'plan', newDueDate: '2025-03-01', reason: 'x' })).thenThrows('WRONG_STAGE', 409);
    given(s)
      .when(command('ExtendDeadline', actors.supervisor, { stage: 'execute', activityId: 'nope', newDueDate: '2025-03-01', reason: 'x' }))
      .thenThrows('ACTIVITY_NOT_FOUND', 404);
    given(s).when(command('ExtendDeadline', actors.supervisor, { stage: 'execute', newDueDate: '2030-01-01', reason: 'x' })).thenThrows('INVALID_DEADLINE', 422);
  });
});

describe('system commands', () => {
  const reminder = (overrides: Partial<{ stage: 'plan' | 'execute'; recipientUserId: string; activityId: string }> = {}) =>
    command('RecordReminder', actors.system, {
      stage: 'plan',
      kind: 'due_soon',
      dueDate: '2025-02-14',
      recipientRole: 'principal',
      offsetWorkingDays: -3,
      ...overrides,
    });

  it('the workflow records a reminder', () => {
    const cmd = reminder();
    given(programAt('plan').state).when(cmd).then([
      {
        type: 'ReminderIssued',
        v: 1,
        data: {
          stage: 'plan',
          kind: 'due_soon',
          dueDate: '2025-02-14',
          recipientRole: 'principal',
          recipientUserId: null,
          offsetWorkingDays: -3,
          activityId: null,
          at: cmd.now,
        },
      },
    ]);
  });

  it('a reminder is issued once per stage, kind, due date, activity and recipient', () => {
    const r = runCommands([reminder()], programAt('plan'));
    given(r.state).when(reminder()).thenThrows('DUPLICATE_REMINDER', 409);
  });

  it('a reminder for a stage that is over is refused', () => {
    given(programAt('assign').state).when(reminder()).thenThrows('WRONG_STAGE', 409);
  });

  it('people cannot record reminders, missed deadlines or escalations', () => {
    given(programAt('plan').state).when({ ...reminder(), actor: actors.admin }).thenThrows('FORBIDDEN_ROLE', 403);
    given(programAt('plan').state)
      .when(command('RecordEscalation', actors.supervisor, { stage: 'plan', level: 1, toRole: 'supervisor' }))
      .thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('records a missed deadline and an escalation', () => {
    const s = programAt('execute').state;
    given(s)
      .when(command('RecordDeadlineMissed', actors.system, { stage: 'execute', kind: 'activity_due', dueDate: '2025-03-20', activityId: 'act-1' }))
      .thenEmits(['DeadlineMissed']);
    const state = given(s)
      .when(command('RecordEscalation', actors.system, { stage: 'execute', level: 2, toRole: 'district_officer', dueDate: '2025-03-20' }))
      .thenState() as Program;
    expect(state.escalations).toEqual([expect.objectContaining({ level: 2, toRole: 'district_officer' })]);
  });

  it('the system cannot act as a person', () => {
    given(programAt('plan').state).when(command('SubmitPlan', actors.system, {})).thenThrows('FORBIDDEN_ROLE', 403);
  });
});

describe('terminal programs and read-only roles', () => {
  const others = (): ProgramCommand[] => Object.values(sampleCommands()).filter((c) => c.type !== 'CreateProgram');

  it.each([
    ['closed', () => programAt('closed').state],
    ['cancelled', () => cancelled().state],
  ])('a %s program refuses every command with WRONG_STAGE', (_name, state) => {
    const s = state();
    for (const c of others()) {
      // Stage-bound system commands name the current stage, so no timer can slip through either.
      const cmd = 'stage' in c.payload ? ({ ...c, payload: { ...c.payload, stage: (s as Program).stage } } as ProgramCommand) : c;
      given(s).when(cmd).thenThrows('WRONG_STAGE', 409);
    }
  });

  it.each([['districtOfficer'], ['auditor'], ['admin']] as const)('%s can issue no command', (who) => {
    const states = [programAt('plan').state, programAt('execute').state, requested('plan').state];
    for (const s of states) {
      for (const c of others()) {
        given(s).when({ ...c, actor: actors[who] } as ProgramCommand).thenThrows('FORBIDDEN_ROLE', 403);
      }
    }
    given().when({ ...sampleCommands().CreateProgram, actor: actors[who] }).thenThrows('FORBIDDEN_ROLE', 403);
  });
});
