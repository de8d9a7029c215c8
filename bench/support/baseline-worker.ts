// The api benchmark's baseline worker, in a process of its own like apps/worker, so its CPU per
// Update is read from /proc the same way: the bare workflows of trivial-update.workflow.ts on
// the task queue BASELINE_TASK_QUEUE, with the same workflow threads (WorkerWithoutPromiseStacks)
// and node flags as the real worker, and activities that do nothing.
import { bundleWorkflowCode, NativeConnection } from '@temporalio/worker';
import { WorkerWithoutPromiseStacks } from '../../apps/worker/src/workflow-threads';
import type { ShapedActivities } from './trivial-update.workflow';

async function main(): Promise<void> {
  const bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./trivial-update.workflow'), logger: undefined });
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const activities: ShapedActivities = {
    record: async ({ expectedVersion, events }) => ({ fromVersion: expectedVersion + 1, toVersion: expectedVersion + events.length }),
    schedule: async () => [{ at: new Date(Date.now() + 14 * 86_400_000).toISOString() }],
    recordWithSchedule: async ({ expectedVersion, events }) => ({
      fromVersion: expectedVersion + 1,
      toVersion: expectedVersion + events.length,
      schedule: [{ at: new Date(Date.now() + 14 * 86_400_000).toISOString() }],
    }),
  };
  const worker = await WorkerWithoutPromiseStacks.create({ connection, taskQueue: process.env.BASELINE_TASK_QUEUE!, workflowBundle: bundle, activities });
  const stop = () => worker.shutdown();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  const running = worker.run();
  // startWorkerProcess waits for this line.
  console.log('polling task queue');
  await running;
  await connection.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
