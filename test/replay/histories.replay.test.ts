import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { webpackConfigHook } from '@mutu/temporal';
import { join } from 'node:path';
import { readHistories, workflowTypeOf } from './history-files';

// Every committed history, recorded on today's code (histories/) or on older code (histories/legacy/),
// must replay against the current workflow code: a change that would break running workflows fails
// here. Re-record today's with `npm run record-histories` (docs/versioning.md).
describe('replay of recorded workflow histories', () => {
  const histories = readHistories();

  it('has histories of today\'s code and legacy histories to replay', () => {
    expect(histories.filter((h) => !h.legacy).length).toBeGreaterThan(0);
    expect(histories.filter((h) => h.legacy).length).toBeGreaterThan(0);
  });

  it('replays every recorded history against the current workflow bundle without non-determinism', async () => {
    const failures: string[] = [];
    const results = Worker.runReplayHistories(
      { workflowBundle: { codePath: process.env.MUTU_WORKFLOW_BUNDLE! } },
      histories.map((h) => ({ workflowId: h.workflowId, history: h.history })),
    );
    let replayed = 0;
    for await (const result of results) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(histories.length);
  }, 300_000);

  it('detects a non-deterministic edit (a test-only copy of the workflow that adds a timer)', async () => {
    const bundle = await bundleWorkflowCode({
      workflowsPath: join(__dirname, 'fixtures', 'nondeterministic.workflow.ts'),
      webpackConfigHook,
      logger: { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, log: () => undefined },
    });
    // The variant is of programWorkflow, so it is checked against a program history.
    const first = histories.find((h) => workflowTypeOf(h) === 'programWorkflow')!;
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, first.history, first.workflowId)).rejects.toThrow(/[Nn]ondetermin/);
  }, 300_000);
});
