// The worker's own workflow threads (WorkerWithoutPromiseStacks) skip the per-call watchdog on the
// sandbox calls that run only the SDK's code. Workflow code itself is still watched: a workflow
// that never yields fails its workflow task after `isolateExecutionTimeout`, while the same
// worker goes on running other workflows to completion. Real Temporal dev server.
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime } from '@temporalio/worker';
import { WorkerWithoutPromiseStacks } from '../../apps/worker/src/workflow-threads';
import { until } from '../support/until';

describe('workflow threads without per-call watchdogs on SDK calls', () => {
  let env: TestWorkflowEnvironment;
  let worker: WorkerWithoutPromiseStacks;
  let running: Promise<void>;
  const taskQueue = `sandbox-watchdog-${randomUUID()}`;

  beforeAll(async () => {
    // The spinning workflow's failed tasks are expected: keep the SDK's and the core's logs to errors.
    try {
      Runtime.install({ logger: new DefaultLogger('ERROR'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' }, forward: {} } } });
    } catch {
      // Installed by an earlier test in this process.
    }
    const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('./fixtures/sandbox-watchdog.workflow'), logger: new DefaultLogger('WARN') });
    env = await TestWorkflowEnvironment.createFromExistingServer({ address: process.env.TEMPORAL_ADDRESS! });
    worker = await WorkerWithoutPromiseStacks.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { code },
      // The SDK's deadlock timeout (5 s by default), shortened; the SDK reads it but does not type it.
      ...({ isolateExecutionTimeout: '1s' } as object),
      // Other workflows go on while one spins: the spinning one occupies one thread at a time.
      workflowThreadPoolSize: 2,
    });
    running = worker.run();
  }, 120_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  it('fails the workflow task of a workflow that never yields, and runs other workflows meanwhile', async () => {
    const spinning = await env.client.workflow.start('spinsForever', { taskQueue, workflowId: `spin-${randomUUID()}` });
    let failure: string | null | undefined;
    await until('the spinning workflow task to fail', async () => {
      const { events } = await spinning.fetchHistory();
      failure = events?.find((e) => e.workflowTaskFailedEventAttributes)?.workflowTaskFailedEventAttributes?.failure?.message;
      return failure !== undefined;
    }, 30_000);
    expect(failure).toMatch(/timed out/i);

    const other = await env.client.workflow.start('waitsAndAnswers', { taskQueue, workflowId: `answer-${randomUUID()}` });
    await until('the timer to fire', async () => {
      const { events } = await other.fetchHistory();
      return events?.some((e) => e.timerFiredEventAttributes) ?? false;
    }, 30_000);
    await other.signal('release');
    await expect(other.result()).resolves.toBe('answered');
    await spinning.terminate('test over');
  }, 90_000);
});
