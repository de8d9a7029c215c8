// Records auditCheckpointWorkflow histories: a checkpoint published at the first attempt, and one
// whose first attempt fails (a database blip) and is retried, each after archiving closed runs. The
// activities are stand-ins with fixed results: the real one signs with the audit key and reads the whole store, neither of which
// belongs in a committed file, and replay never runs activities. Run with `npm run record-histories`.
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { AUDIT_CHECKPOINT_WORKFLOW, type ArchivedRuns, type PublishCheckpointInput, type PublishedCheckpoint } from '@mutu/workflows';
import { startProgramHarness, type ProgramHarness } from '../workflow/program-harness';
import { isAuditHistory, removeHistories, writeHistory } from './history-files';

const published = (input: PublishCheckpointInput): PublishedCheckpoint => ({
  checkpointId: `checkpoint-${input.reason}`,
  streams: 3,
  events: 42,
  root: '0'.repeat(64),
  journal: '/var/lib/mutu/audit/checkpoints.jsonl',
  emailedTo: ['auditor@example.test'],
});

const runs: ArchivedRuns = { seen: 7, archived: 5 };

describe('record audit checkpoint histories', () => {
  let h: ProgramHarness;

  beforeAll(async () => {
    h = await startProgramHarness({
      wrapActivities: (activities) => ({
        ...activities,
        archiveClosedRuns: async () => runs,
        publishCheckpoint: async (input: PublishCheckpointInput) => {
          if (input.reason.includes('retried') && Context.current().info.attempt === 1) {
            throw ApplicationFailure.retryable('connection terminated unexpectedly', 'DATABASE_UNAVAILABLE');
          }
          return published(input);
        },
      }),
    });
    removeHistories(isAuditHistory);
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it.each([
    ['audit-checkpoint', 'schedule'],
    ['audit-checkpoint-retried', 'stage change retried'],
  ])('records %s', async (name, reason) => {
    await h.withWorker(async () => {
      const handle = await h.client.workflow.start(AUDIT_CHECKPOINT_WORKFLOW, { taskQueue: h.taskQueue, workflowId: `replay-${name}`, args: [{ reason }] });
      expect(await handle.result()).toEqual({ ...published({ reason }), runs });
      writeHistory(`${name}.run-1`, handle.workflowId, await handle.fetchHistory());
    });
  }, 120_000);
});
