import { given } from '../testing/specification';
import {
  BUDGET_YEAR,
  PROGRAM_ID,
  REGION_ID,
  SCHOOL_ID,
  actors,
  command,
  createProgram,
  draftPlan,
  makeActor,
  plannedActivity,
  programAt,
  runCommands,
  validPlan,
} from '../testing/fixtures';
import { DEFAULT_APPROVAL_POLICY } from './program.schemas';
import type { Program } from './program.state';

const created = () => programAt('plan');
const submitted = () => runCommands([command('SubmitPlan', actors.principal, {})], created());

describe('CreateProgram', () => {
  it('a principal creates a program with a draft plan and the default policy', () => {
    const cmd = createProgram({ plan: draftPlan() });
    given().when(cmd).then([
      {
        type: 'ProgramCreated',
        v: 1,
        data: {
          programId: PROGRAM_ID,
          schoolId: SCHOOL_ID,
          regionId: REGION_ID,
          budgetYear: BUDGET_YEAR,
          timeZone: 'Asia/Jakarta',
          title: cmd.payload.title,
          plan: draftPlan(),
          approvalPolicy: DEFAULT_APPROVAL_POLICY,
          by: actors.principal.userId,
          role: 'principal',
          at: cmd.now,
        },
      },
    ]);
  });

  it('the QA team may create a program and override the approval policy and time zone', () => {
    const policy = { ...DEFAULT_APPROVAL_POLICY, report: { role: 'committee' as const, quorum: 3 } };
    const state = given()
      .when(createProgram({ approvalPolicy: policy, timeZone: 'Asia/Makassar' }, actors.qaTeam))
      .thenState() as Program;
    expect(state.approvalPolicy.report.quorum).toBe(3);
    expect(state.timeZone).toBe('Asia/Makassar');
    expect(state.stage).toBe('plan');
    expect(state.planVersion).toBe(1);
    expect(state.plan.activities[0]).toMatchObject({ status: 'planned', assignment: null, evidence: [] });
  });

  it('staff cannot create a program', () => {
    given().when(createProgram({}, actors.staff)).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('a principal of another school cannot create a program for this school', () => {
    given().when(createProgram({}, actors.outsider)).thenThrows('OUT_OF_SCOPE', 404);
  });

  it('refuses a program id that already exists', () => {
    given(created().events).when(createProgram()).thenThrows('ALREADY_EXISTS', 409);
  });

  it('refuses activity windows outside the budget year, with details', () => {
    const plan = validPlan(1, {
      activities: [plannedActivity(1, { window: { start: `${BUDGET_YEAR - 1}-12-20`, end: `${BUDGET_YEAR}-01-10` } })],
    });
    let details: unknown;
    try {
      runCommands([createProgram({ plan })]);
    } catch (e) {
      details = (e as { details?: unknown }).details;
    }
    expect(details).toEqual({ issues: [{ path: 'activities.0.window.start', message: expect.stringContaining('2025') }] });
    given().when(createProgram({ plan })).thenThrows('INVALID_PLAN', 422);
  });

  it('refuses duplicate activity ids and reversed windows', () => {
    const a = plannedActivity(1);
    given().when(createProgram({ plan: validPlan(1, { activities: [a, a] }) })).thenThrows('INVALID_PLAN', 422);
    const reversed = plannedActivity(1, { window: { start: '2025-05-10', end: '2025-05-01' } });
    given().when(createProgram({ plan: validPlan(1, { activities: [reversed] }) })).thenThrows('INVALID_PLAN', 422);
  });

  it('other commands on a program that does not exist answer NOT_FOUND', () => {
    given().when(command('SubmitPlan', actors.principal, {})).thenThrows('NOT_FOUND', 404);
  });
});

describe('EditPlan', () => {
  it('replaces the whole plan and bumps the plan version', () => {
    const plan = validPlan(3);
    const cmd = command('EditPlan', actors.qaTeam, { plan, basePlanVersion: 1 });
    given(created().events).when(cmd).then([
      { type: 'PlanEdited', v: 1, data: { plan, planVersion: 2, by: actors.qaTeam.userId, role: 'qa_team', at: cmd.now } },
    ]);
  });

  it('records every editor as a plan author', () => {
    const state = given(created().events).when(command('EditPlan', actors.qaTeam, { plan: validPlan(1) })).thenState() as Program;
    expect(state.planAuthors).toEqual([actors.principal.userId, actors.qaTeam.userId]);
    expect(state.plan.activities).toHaveLength(1);
  });

  it('a supervisor cannot edit the plan', () => {
    given(created().events).when(command('EditPlan', actors.supervisor, { plan: validPlan() })).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('someone out of scope cannot edit the plan', () => {
    given(created().events).when(command('EditPlan', actors.outsider, { plan: validPlan() })).thenThrows('OUT_OF_SCOPE', 404);
  });

  it('cannot edit a submitted plan', () => {
    given(submitted().state).when(command('EditPlan', actors.principal, { plan: validPlan() })).thenThrows('ALREADY_SUBMITTED', 409);
  });

  it('cannot edit the plan after it was approved', () => {
    given(programAt('assign').state).when(command('EditPlan', actors.principal, { plan: validPlan() })).thenThrows('WRONG_STAGE', 409);
  });

  it('refuses a stale base plan version', () => {
    given(created().events)
      .when(command('EditPlan', actors.principal, { plan: validPlan(), basePlanVersion: 7 }))
      .thenThrows('STALE_PLAN_VERSION', 409);
  });

  it('refuses an activity window outside the budget year', () => {
    const plan = validPlan(1, { activities: [plannedActivity(1, { window: { start: '2025-12-01', end: '2026-01-15' } })] });
    given(created().events).when(command('EditPlan', actors.principal, { plan })).thenThrows('INVALID_PLAN', 422);
  });
});

describe('SubmitPlan', () => {
  it('the principal submits a complete plan', () => {
    const cmd = command('SubmitPlan', actors.principal, { planVersion: 1 });
    given(created().events).when(cmd).then([
      { type: 'PlanSubmitted', v: 1, data: { planVersion: 1, by: actors.principal.userId, role: 'principal', at: cmd.now } },
    ]);
  });

  it('the QA team drafts but cannot submit', () => {
    given(created().events).when(command('SubmitPlan', actors.qaTeam, {})).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('an incomplete plan cannot be submitted', () => {
    const draft = runCommands([createProgram({ plan: draftPlan() })]);
    given(draft.events).when(command('SubmitPlan', actors.principal, {})).thenThrows('INVALID_PLAN', 422);
    const noIndicators = runCommands([createProgram({ plan: validPlan(1, { indicators: [] }) })]);
    given(noIndicators.events).when(command('SubmitPlan', actors.principal, {})).thenThrows('INVALID_PLAN', 422);
  });

  it('cannot submit twice', () => {
    given(submitted().state).when(command('SubmitPlan', actors.principal, {})).thenThrows('ALREADY_SUBMITTED', 409);
  });

  it('out of scope principal answers 404', () => {
    given(created().events).when(command('SubmitPlan', actors.outsider, {})).thenThrows('OUT_OF_SCOPE', 404);
  });

  it('cannot submit in another stage', () => {
    given(programAt('assign').state).when(command('SubmitPlan', actors.principal, {})).thenThrows('WRONG_STAGE', 409);
  });
});

describe('DecidePlan', () => {
  it('a supervisor approves: the stage advances to assign', () => {
    const cmd = command('DecidePlan', actors.supervisor, { decision: 'approve' });
    given(submitted().state).when(cmd).then([
      { type: 'PlanApproved', v: 1, data: { planVersion: 1, by: actors.supervisor.userId, role: 'supervisor', at: cmd.now } },
      { type: 'StageAdvanced', v: 1, data: { from: 'plan', to: 'assign', at: cmd.now } },
    ]);
  });

  it('a rejection with a reason sends the plan back to editing', () => {
    const state = given(submitted().state)
      .when(command('DecidePlan', actors.supervisor, { decision: 'reject', reason: 'Indikator belum terukur' }))
      .thenState() as Program;
    expect(state.stage).toBe('plan');
    expect(state.submissions.plan).toBeNull();
    expect(state.approvals).toEqual([expect.objectContaining({ stage: 'plan', decision: 'reject', reason: 'Indikator belum terukur' })]);
    given(state).when(command('EditPlan', actors.qaTeam, { plan: validPlan(1) })).thenEmits(['PlanEdited']);
  });

  it('a rejection needs a reason', () => {
    given(submitted().state).when(command('DecidePlan', actors.supervisor, { decision: 'reject' })).thenThrows('REASON_REQUIRED', 422);
    given(submitted().state)
      .when(command('DecidePlan', actors.supervisor, { decision: 'reject', reason: '   ' }))
      .thenThrows('REASON_REQUIRED', 422);
  });

  it('a principal cannot approve a plan', () => {
    given(submitted().state).when(command('DecidePlan', actors.principal, { decision: 'approve' })).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('a supervisor of another region cannot see the plan', () => {
    given(submitted().state).when(command('DecidePlan', actors.outsider, { decision: 'approve' })).thenThrows('OUT_OF_SCOPE', 404);
  });

  it('a supervisor cannot approve a plan they submitted (four-eyes)', () => {
    const both = makeActor('u-both', ['principal', 'supervisor']);
    const r = runCommands([createProgram({}, actors.qaTeam), command('SubmitPlan', both, {})]);
    given(r.state).when(command('DecidePlan', both, { decision: 'approve' })).thenThrows('FOUR_EYES', 403);
  });

  it('a supervisor cannot approve a plan they drafted (four-eyes)', () => {
    const drafter = makeActor('u-drafter', ['qa_team', 'supervisor']);
    const r = runCommands([
      createProgram(),
      command('EditPlan', drafter, { plan: validPlan(2) }),
      command('SubmitPlan', actors.principal, {}),
    ]);
    given(r.state).when(command('DecidePlan', drafter, { decision: 'approve' })).thenThrows('FOUR_EYES', 403);
  });

  it('cannot decide a plan that is not submitted', () => {
    given(created().events).when(command('DecidePlan', actors.supervisor, { decision: 'approve' })).thenThrows('NOT_SUBMITTED', 409);
  });

  it('with a two-approval policy the first approval does not advance, a repeat is refused, the second does', () => {
    const policy = { ...DEFAULT_APPROVAL_POLICY, plan: { role: 'supervisor' as const, approvals: 2 } };
    const r = runCommands([
      createProgram({ approvalPolicy: policy }),
      command('SubmitPlan', actors.principal, {}),
    ]);
    const first = runCommands([command('DecidePlan', actors.supervisor, { decision: 'approve' })], r);
    expect((first.state as Program).stage).toBe('plan');
    given(first.state).when(command('DecidePlan', actors.supervisor, { decision: 'approve' })).thenThrows('ALREADY_DECIDED', 409);
    given(first.state)
      .when(command('DecidePlan', actors.supervisor2, { decision: 'approve' }))
      .thenEmits(['PlanApproved', 'StageAdvanced']);
  });
});
