import { bundleWorkflowCode } from '@temporalio/worker';
import { webpackConfigHook } from '@mutu/temporal';
import { describeReplayFailure, replayHistories, type ReplayOutcome } from '@mutu/temporal/replay';
import { join } from 'node:path';
import { readHistories, workflowTypeOf } from './history-files';

// Every committed history, recorded on today's code (histories/) or on older code (histories/legacy/),
// must replay against the current workflow code: a change that would break running workflows fails
// here. Re-record today's with `npm run record-histories` (docs/versioning.md). They replay through
// the replayer `mutu audit replay` and the audit benchmark use (@mutu/temporal/replay).
describe('replay of recorded workflow histories', () => {
  const histories = readHistories();

  it('has histories of today\'s code and legacy histories to replay', () => {
    expect(histories.filter((h) => !h.legacy).length).toBeGreaterThan(0);
    expect(histories.filter((h) => h.legacy).length).toBeGreaterThan(0);
  });

  it('replays every recorded history against the current workflow bundle without non-determinism', async () => {
    const failures: string[] = [];
    const names: string[] = [];
    const results = replayHistories(histories, { code: { workflowBundle: { codePath: process.env.MUTU_WORKFLOW_BUNDLE! } } });
    for await (const result of results) {
      names.push(result.name);
      if (result.error) failures.push(describeReplayFailure(result));
    }
    expect(failures).toEqual([]);
    expect(names).toEqual(histories.map((h) => h.name));
  }, 300_000);

  it('detects a non-deterministic edit (a test-only copy of the workflow that adds a timer)', async () => {
    const bundle = await bundleWorkflowCode({
      workflowsPath: join(__dirname, 'fixtures', 'nondeterministic.workflow.ts'),
      webpackConfigHook,
      logger: { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, log: () => undefined },
    });
    // The variant is of programWorkflow, so it is checked against every program history: each
    // one fails, reported under its own name, and a failure does not stop the ones after it.
    const program = histories.filter((h) => workflowTypeOf(h) === 'programWorkflow');
    const outcomes: ReplayOutcome[] = [];
    for await (const o of replayHistories(program, { code: { workflowBundle: bundle } })) outcomes.push(o);
    expect(outcomes.map((o) => o.name)).toEqual(program.map((h) => h.name));
    for (const o of outcomes) {
      expect(o.error?.message).toMatch(/[Nn]ondetermin/);
      expect(describeReplayFailure(o)).toContain(`${o.name} (workflow ${o.workflowId}, run ${o.runId}): `);
    }
  }, 300_000);
});
