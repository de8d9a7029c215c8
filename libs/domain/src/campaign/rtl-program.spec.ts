import { ProgramCommandSchema, decide, fold, planIssues, type Program } from '../program';
import { K01_SCHOOL_IDS, RTL_DAY, approveRtl, clusterActors, clusterHistory, rtlActions, runCluster, submitRtl, wib } from '../testing/cluster-specification';
import { rtlProgramId } from './campaign.schemas';
import type { OpenCluster } from './cluster.state';
import { CAMPAIGN_ACTOR, rtlProgramCommand } from './rtl-program';

const [s0] = K01_SCHOOL_IDS;
const APPROVED_AT = wib(RTL_DAY, '14:00');

/** Cluster K01 with meeting 1 documented and the core school's RTL (given actions) approved. */
function approvedWith(actions = rtlActions(3)): OpenCluster {
  const { state } = clusterHistory({ meetings: 1 });
  return runCluster([submitRtl(s0, clusterActors.trainer, actions), approveRtl(s0, clusterActors.supervisor, APPROVED_AT)], state).state as OpenCluster;
}

describe('rtlProgramCommand', () => {
  it("an approved RTL becomes the school's CreateProgram, sent by the campaign, with one activity per action", () => {
    const s = approvedWith();
    const cmd = rtlProgramCommand(s, s0, APPROVED_AT);
    expect(cmd).toMatchObject({
      commandId: `campaign-rtl:${s.campaignId}:${s0}`,
      type: 'CreateProgram',
      actor: CAMPAIGN_ACTOR,
      now: APPROVED_AT,
      payload: { programId: rtlProgramId(s.campaignId, s0), schoolId: s0, regionId: s.regionId, budgetYear: 2027, timeZone: 'Asia/Jakarta' },
    });
    expect(cmd.payload.plan.activities.map((a) => [a.id, a.title, a.window])).toEqual(
      rtlActions(3).map((a) => [a.id, a.action, { start: RTL_DAY, end: a.dueDate }]),
    );
    expect(cmd.payload.title).toContain(s.campaignTitle);
  });

  it("its plan passes the program's own planIssues and its command schema", () => {
    const cmd = rtlProgramCommand(approvedWith(), s0, APPROVED_AT);
    expect(planIssues(cmd.payload.plan, cmd.payload.budgetYear)).toEqual([]);
    expect(ProgramCommandSchema.safeParse(cmd).success).toBe(true);
  });

  it("the program's decider accepts it from the system actor and opens a program in PLAN", () => {
    const cmd = rtlProgramCommand(approvedWith(), s0, APPROVED_AT);
    const events = decide(cmd, fold([]));
    expect(events.map((e) => e.type)).toEqual(['ProgramCreated']);
    expect(events[0].data).toMatchObject({ programId: cmd.payload.programId, budgetYear: 2027, by: CAMPAIGN_ACTOR.userId, role: 'system' });
    const program = fold(events) as Program;
    expect(program.stage).toBe('plan');
    expect(program.plan.activities.map((a) => a.id)).toEqual(rtlActions(3).map((a) => a.id));
  });

  it('takes the budget year of its actions when they all fall due next year; they start on 1 January', () => {
    const actions = rtlActions(2, '2028-03-31');
    const cmd = rtlProgramCommand(approvedWith(actions), s0, APPROVED_AT);
    expect(cmd.payload.budgetYear).toBe(2028);
    expect(cmd.payload.plan.activities.map((a) => a.window)).toEqual([
      { start: '2028-01-01', end: '2028-03-31' },
      { start: '2028-01-01', end: '2028-03-31' },
    ]);
    expect(planIssues(cmd.payload.plan, 2028)).toEqual([]);
    expect(decide(cmd, fold([])).map((e) => e.type)).toEqual(['ProgramCreated']);
  });

  it("actions start on the approval day in the campaign's time zone", () => {
    // 18:30 UTC on 25 Oct is already 26 Oct in Jakarta.
    const cmd = rtlProgramCommand(approvedWith(), s0, '2027-10-25T18:30:00.000Z');
    expect(cmd.payload.plan.activities[0].window.start).toBe('2027-10-26');
  });

  it('an action that fell due before the approval day gets a one-day window, still a valid plan', () => {
    const actions = [...rtlActions(1, '2027-10-27'), ...rtlActions(2, '2027-12-10').slice(1)];
    const lateApproval = '2027-11-02T03:00:00.000Z';
    const cmd = rtlProgramCommand(approvedWith(actions), s0, lateApproval);
    expect(cmd.payload.plan.activities.map((a) => a.window)).toEqual([
      { start: '2027-10-27', end: '2027-10-27' },
      { start: '2027-11-02', end: '2027-12-10' },
    ]);
    expect(planIssues(cmd.payload.plan, cmd.payload.budgetYear)).toEqual([]);
    expect(decide(cmd, fold([])).map((e) => e.type)).toEqual(['ProgramCreated']);
  });
});
