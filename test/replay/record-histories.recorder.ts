// Records the program histories replayed by histories.replay.test.ts, on the current workflow code:
// every stage to closed, each review loop (plan, documentation, report under quorum), cancellation
// confirmed and rejected, continue-as-new inside a stage at the history budget, and an append whose
// completion was lost (the workflow takes over its own retried events). Every run of each program is
// written as JSON. Ids and command times are fixed, so a re-recording differs only in server times
// and run ids. Run: `npm run record-histories` (see docs/versioning.md).
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { ProgramCommand } from '@mutu/domain';
import { programStreamId } from '@mutu/persistence';
import { actors, command, completeReport, happyPath, REPORT_SHA, sha } from '@mutu/domain/testing';
import type { AppendEventsInput } from '@mutu/workflows';
import { scoped, sendAll, startProgram, startProgramHarness, type ProgramHarness } from '../workflow/program-harness';
import { removeHistories, writeHistory } from './history-files';

interface Scenario {
  name: string;
  commands: ProgramCommand[];
  maxHistoryEvents?: number;
  /** Command ids (unscoped) whose first append attempt commits but reports a failure. */
  lostCompletions?: string[];
}

function scenarios(): Scenario[] {
  const path = happyPath(2);
  const toReport = [...path.plan, ...path.assign, ...path.execute, ...path.document] as ProgramCommand[];
  const all = [...toReport, ...path.report] as ProgramCommand[];
  const revised = sha(0xcafe);
  const requestCancellation = command('RequestCancellation', actors.principal, { reason: 'Dana tidak cair' });
  return [
    { name: 'happy-path', commands: all },
    {
      name: 'plan-rejected',
      commands: [
        path.plan[0],
        command('SubmitPlan', actors.principal, {}),
        command('DecidePlan', actors.supervisor, { decision: 'reject', reason: 'Indikator belum terukur' }),
        command('SubmitPlan', actors.principal, {}),
        command('DecidePlan', actors.supervisor, { decision: 'approve' }),
        ...path.assign,
      ],
    },
    {
      name: 'documentation-rejected',
      commands: [
        ...path.plan,
        ...path.assign,
        ...path.execute,
        command('CompleteDocumentation', actors.qaTeam, {}),
        command('DecideDocumentation', actors.supervisor, { decision: 'reject', reason: 'Foto tidak terbaca' }),
        command('CompleteDocumentation', actors.qaTeam, {}),
        command('DecideDocumentation', actors.supervisor, { decision: 'approve' }),
      ],
    },
    {
      // The default policy's report quorum is two committee members; one rejection sends it back.
      name: 'report-rejected-under-quorum',
      commands: [
        ...toReport,
        command('EditReport', actors.qaTeam, { sections: completeReport }),
        command('SubmitReport', actors.principal, { reportSha256: REPORT_SHA }),
        command('SignReport', actors.committee1, { decision: 'approve', reportSha256: REPORT_SHA }),
        command('SignReport', actors.committee2, { decision: 'reject', reportSha256: REPORT_SHA, reason: 'Rincian biaya kurang' }),
        command('EditReport', actors.qaTeam, { sections: { ...completeReport, conclusions: 'Direvisi' } }),
        command('SubmitReport', actors.principal, { reportSha256: revised }),
        command('SignReport', actors.committee1, { decision: 'approve', reportSha256: revised }),
        command('SignReport', actors.committee2, { decision: 'approve', reportSha256: revised }),
        command('CloseProgram', actors.principal, {}),
      ],
    },
    {
      name: 'cancel-confirmed',
      commands: [
        ...path.plan,
        ...path.assign,
        command('StartActivity', actors.staff, { activityId: 'act-1' }),
        requestCancellation,
        command('ConfirmCancellation', actors.supervisor, {}),
      ],
    },
    {
      name: 'cancel-rejected',
      commands: [
        path.plan[0],
        requestCancellation,
        command('RejectCancellation', actors.supervisor, { reason: 'Program tetap berjalan' }),
        ...path.plan.slice(1),
      ],
    },
    // A small history budget makes the run continue as new inside a stage, the path a run takes
    // when the server suggests it (at about 4 Ki events, too large to commit).
    { name: 'continue-as-new-at-size', commands: all, maxHistoryEvents: 40 },
    { name: 'append-retried', commands: [...path.plan, ...path.assign], lostCompletions: [path.plan[1].commandId] },
  ];
}

describe('record program histories', () => {
  let h: ProgramHarness;
  const lostOnce = new Set<string>();

  beforeAll(async () => {
    h = await startProgramHarness({
      wrapActivities: (activities) => ({
        ...activities,
        appendEvents: async (input: AppendEventsInput) => {
          const result = await activities.appendEvents(input);
          if (lostOnce.has(input.commandId) && Context.current().info.attempt === 1) {
            throw ApplicationFailure.retryable('the completion of a committed append was lost', 'LOST_COMPLETION');
          }
          return result;
        },
      }),
    });
    // Only this recorder's own scenarios: the other recorders' files (campaigns, audit, deadlines,
    // templates, school reporting) may have been written before this one runs.
    const own = new Set(scenarios().map((s) => s.name));
    removeHistories((name) => own.has(name.replace(/\.run-\d+$/, '')));
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it.each(scenarios().map((s) => [s.name, s] as const))('records %s', async (name, scenario) => {
    const programId = `replay-${name}`;
    for (const id of scenario.lostCompletions ?? []) lostOnce.add(`${programId}:${id}`);
    await h.withWorker(async () => {
      const handle = await startProgram(h, programId, { maxHistoryEvents: scenario.maxHistoryEvents });
      const firstRunId = (await handle.describe()).runId;
      await sendAll(handle, scenario.commands.map((c) => scoped(programId, c)));
      // Every run that appended events, in order, then the current one.
      const stored = await h.store.readStream(programStreamId(programId));
      const runIds = [...new Set([firstRunId, ...stored.map((e) => String(e.metadata.runId)), (await handle.describe()).runId])];
      for (const [i, runId] of runIds.entries()) {
        const history = await h.client.workflow.getHandle(handle.workflowId, runId).fetchHistory();
        writeHistory(`${name}.run-${i + 1}`, handle.workflowId, history);
      }
    });
  }, 300_000);
});
