// Records the histories of a program whose deadlines fire (time-skipping server, budget year 2027):
// plan reminders, then in the execute stage an activity that runs late (its reminders, the missed
// deadline, two escalations) and one whose deadline is extended before it falls due; the program is
// then cancelled in the document stage. Every run is written as `deadlines-with-extension.run-<n>`.
// Ids and command times are fixed. Run with `npm run record-histories` (see docs/versioning.md).
import type { ProgramCommand } from '@mutu/domain';
import { actors, command, evidenceFor, plannedActivity, REGION_ID, SCHOOL_ID, validPlan } from '@mutu/domain/testing';
import { programStreamId } from '@mutu/persistence';
import { send, startProgram, startProgramHarness, type ProgramHarness } from '../workflow/program-harness';
import { wib } from '../workflow/wib-calendar';
import { isDeadlineHistory, removeHistories, writeHistory } from './history-files';

const YEAR = 2027;
const NAME = 'deadlines-with-extension';
const programId = `replay-${NAME}`;

/** The scenario as (local time, commands) steps; each command's `now` is its step's instant. */
function steps(): [string, ProgramCommand[]][] {
  const plan = {
    ...validPlan(2),
    activities: [
      plannedActivity(1, { kind: 'other', requiredEvidence: ['photo'], window: { start: `${YEAR}-02-01`, end: `${YEAR}-02-19` } }),
      plannedActivity(2, { kind: 'other', requiredEvidence: ['photo'], window: { start: `${YEAR}-02-22`, end: `${YEAR}-03-12` } }),
    ],
  };
  const [act1, act2] = plan.activities;
  const complete = (a: typeof act1, actualEnd: string) =>
    command('CompleteActivity', actors.staff, { activityId: a.id, actualStart: a.window.start, actualEnd, realisedCost: a.budget.amount, outcome: 'Terlaksana' });
  return [
    // Plan reminders fall on 15 and 22 January (10 and 5 working days before 29 January).
    [wib(`${YEAR}-01-04`, '09:00'), [command('CreateProgram', actors.principal, { programId, schoolId: SCHOOL_ID, regionId: REGION_ID, budgetYear: YEAR, title: 'Program 2027', plan })]],
    [wib(`${YEAR}-01-25`, '10:00'), [
      command('SubmitPlan', actors.principal, {}),
      command('DecidePlan', actors.supervisor, { decision: 'approve' }),
      ...plan.activities.map((a) => command('AssignActivity', actors.principal, { activityId: a.id, personInCharge: actors.staff.userId, participants: [] })),
      command('ConfirmAssignments', actors.principal, {}),
    ]],
    [wib(`${YEAR}-02-01`, '10:00'), [command('StartActivity', actors.staff, { activityId: act1.id }), ...evidenceFor(act1)]],
    [wib(`${YEAR}-02-22`, '10:00'), [command('StartActivity', actors.staff, { activityId: act2.id }), ...evidenceFor(act2)]],
    // act-1 was due 19 February: missed on the 20th, escalated on the 22nd and the 24th.
    [wib(`${YEAR}-02-25`, '12:00'), [complete(act1, `${YEAR}-02-25`)]],
    [wib(`${YEAR}-02-26`, '10:00'), [command('ExtendDeadline', actors.supervisor, { stage: 'execute', activityId: act2.id, newDueDate: `${YEAR}-03-26`, reason: 'Narasumber berhalangan' })]],
    [wib(`${YEAR}-03-25`, '12:00'), [complete(act2, `${YEAR}-03-25`)]],
    [wib(`${YEAR}-03-29`, '10:00'), [
      command('RequestCancellation', actors.principal, { reason: 'Sekolah digabung' }),
      command('ConfirmCancellation', actors.supervisor, {}),
    ]],
  ];
}

describe('record deadline histories', () => {
  let h: ProgramHarness;

  beforeAll(async () => {
    h = await startProgramHarness();
    removeHistories(isDeadlineHistory);
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it(`records ${NAME}`, async () => {
    await h.withWorker(async () => {
      const advanceTo = async (iso: string) => {
        const now = await h.env.currentTimeMs();
        if (Date.parse(iso) > now) await h.env.sleep(Date.parse(iso) - now);
      };
      const plan = steps();
      await advanceTo(plan[0][0]);
      const handle = await startProgram(h, programId);
      const firstRunId = (await handle.describe()).runId;
      let n = 0;
      for (const [at, commands] of plan) {
        await advanceTo(at);
        for (const c of commands) await send(handle, { ...c, commandId: `${programId}:c${++n}`, now: at } as ProgramCommand);
      }
      await handle.result();
      const stored = await h.store.readStream(programStreamId(programId));
      const types = stored.map((e) => e.type);
      // The scenario is only worth keeping if the deadline paths really ran.
      for (const type of ['ReminderIssued', 'DeadlineMissed', 'EscalationRaised', 'DeadlineExtended']) expect(types).toContain(type);
      const runIds = [...new Set([firstRunId, ...stored.map((e) => String(e.metadata.runId))])];
      for (const [i, runId] of runIds.entries()) {
        writeHistory(`${NAME}.run-${i + 1}`, handle.workflowId, await h.client.workflow.getHandle(handle.workflowId, runId).fetchHistory());
      }
    });
  }, 300_000);
});
