import type { ProgramCommand } from '@mutu/domain';
import { foldStored, programStreamId } from '@mutu/persistence';
import { stateQuery } from '@mutu/workflows';
import { actors, command as fixtureCommand, evidenceFor, sha, validPlan } from '@mutu/domain/testing';
import { brokenLinkOf, scoped, send, sendAll, sendOnly, startProgram, startProgramHarness, uniqueId, type ProgramHarness } from './program-harness';

const ACTIVITIES = 200;
/** A budget year ahead of the server clock: deadline timers stay pending instead of firing late. */
const YEAR = new Date().getUTCFullYear() + 1;
let tick = 0;
const at = () => new Date(Date.UTC(YEAR, 0, 5, 1) + (tick += 1) * 1_000).toISOString();
const EXTRA_PHOTOS = 5;
/** Updates in flight at once: several are always admitted while a run is about to continue as new. */
const CONCURRENCY = 25;

// The outcomes only: a `state` query of this program answers about 0.6 MB, and queries that arrive
// while a workflow task runs are answered in that task's completion, so 25 of them at once would
// pass the server's 4 MB message limit.
async function inParallel(handle: Parameters<typeof send>[0], commands: readonly ProgramCommand[]) {
  const outcomes = [];
  for (let i = 0; i < commands.length; i += CONCURRENCY) {
    outcomes.push(...(await Promise.all(commands.slice(i, i + CONCURRENCY).map((c) => sendOnly(handle, c)))));
  }
  return outcomes;
}

describe('program workflow continue-as-new (time-skipping Temporal + PostgreSQL)', () => {
  let h: ProgramHarness;

  beforeAll(async () => {
    h = await startProgramHarness();
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('carries a 200-activity program over 2,000 events through several runs with state and chain intact', async () => {
    const programId = uniqueId('big');
    const base = validPlan(ACTIVITIES);
    const plan = {
      ...base,
      activities: base.activities.map((a) => ({ ...a, window: { start: a.window.start.replace(/^\d{4}/, `${YEAR}`), end: a.window.end.replace(/^\d{4}/, `${YEAR}`) } })),
    };
    const command: typeof fixtureCommand = (type, actor, payload) => fixtureCommand(type, actor, payload, { now: at() });
    const s = (c: ProgramCommand) => scoped(programId, c);
    await h.withWorker(async () => {
      // A small history budget forces continue-as-new inside the execute stage, not only at boundaries.
      const handle = await startProgram(h, programId, { maxHistoryEvents: 1_500 });
      const firstRunId = (await handle.describe()).runId;
      await sendAll(handle, [
        command('CreateProgram', actors.principal, {
          programId,
          schoolId: 'sch-1',
          regionId: 'reg-1',
          budgetYear: YEAR,
          title: 'Program besar',
          plan,
        }),
        command('SubmitPlan', actors.principal, {}),
        command('DecidePlan', actors.supervisor, { decision: 'approve' }),
      ].map(s));
      await inParallel(handle, plan.activities.map((a) =>
        s(command('AssignActivity', actors.principal, { activityId: a.id, personInCharge: actors.staff.userId, participants: [] })),
      ));
      await send(handle, s(command('ConfirmAssignments', actors.principal, {})));
      await inParallel(handle, plan.activities.map((a) => s(command('StartActivity', actors.staff, { activityId: a.id }))));
      const evidence = plan.activities.flatMap((a, i) => [
        ...evidenceFor(a, actors.staff, i + 1).map((c) => ({ ...c, now: at() })),
        ...Array.from({ length: EXTRA_PHOTOS }, (_, k) =>
          command('AttachEvidence', actors.staff, {
            activityId: a.id,
            sha256: sha(1_000_000 + i * 10 + k),
            kind: 'photo' as const,
            filename: `foto-${a.id}-${k}.jpg`,
            size: 2048,
            mimeType: 'image/jpeg',
          }),
        ),
      ]);
      const attached = await inParallel(handle, evidence.map(s));
      expect(attached.every((o) => !o.duplicate && o.events.length === 1)).toBe(true);
      const completes = plan.activities.map((a) =>
        s(command('CompleteActivity', actors.staff, {
          activityId: a.id,
          actualStart: a.window.start,
          actualEnd: a.window.end,
          realisedCost: a.budget.amount,
          outcome: 'Terlaksana',
        })),
      );
      const completed = await inParallel(handle, completes);
      const last = completed.reduce((a, b) => (b.version > a.version ? b : a));
      expect(last.stage).toBe('document');

      const live = await handle.query(stateQuery);
      const stored = await h.store.readStream(programStreamId(programId));
      expect(stored.length).toBeGreaterThanOrEqual(2_000);
      expect(live.version).toBe(stored.length);
      expect(foldStored(stored)).toEqual(live.state);
      expect(await brokenLinkOf(h.store, programStreamId(programId))).toBeNull();
      // Every command was recorded exactly once, whichever run it reached.
      const commandIds = new Set(stored.map((e) => e.commandId).filter((id) => id.startsWith(`${programId}:`)));
      expect(commandIds.size).toBe(3 + ACTIVITIES + 1 + ACTIVITIES + evidence.length + ACTIVITIES);

      // Each event names the run that appended it: the program crossed several runs.
      const runs = new Set(stored.map((e) => e.metadata.runId));
      expect(runs.has(firstRunId)).toBe(true);
      expect(runs.size).toBeGreaterThan(3);
    });
  }, 1_200_000);

});
