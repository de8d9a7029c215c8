// The baseline of the 08:00 burst, measured in the same run on the same Temporal server: N
// workflows whose one timer falls due at one instant, each completing in the workflow task the
// timer wakes (bare-timer.workflow.ts), in a worker with nothing else to do. Lateness is the
// workflow's close time (the server's record of that task's completion) minus the due instant: the
// least a reminder can be late when N fall due at once on this machine and this server.
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { parallel } from './bench-programs';
import { percentile } from './bench-env';

export interface BareBurst {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export async function runBareBurst(opts: { temporalAddress: string; count: number; run: string }): Promise<BareBurst> {
  const taskQueue = `bench-bare-burst-${opts.run}`;
  const workflowBundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./bare-timer.workflow'), logger: undefined });
  const nativeConnection = await NativeConnection.connect({ address: opts.temporalAddress });
  const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle, maxCachedWorkflows: opts.count + 100 });
  const running = worker.run();
  const connection = await Connection.connect({ address: opts.temporalAddress });
  try {
    const client = new Client({ connection });
    // Starting takes about 5 ms a workflow here; the due instant leaves room for it.
    const due = Date.now() + 30_000 + opts.count * 20;
    const dueAt = new Date(due).toISOString();
    const ids = Array.from({ length: opts.count }, (_, i) => `bare-burst-${opts.run}-${i}`);
    await parallel(ids.length, 32, async (i) => {
      await client.workflow.start('bareTimerWorkflow', { taskQueue, workflowId: ids[i], args: [dueAt] });
    });
    if (Date.now() >= due) throw new Error(`starting ${opts.count} bare workflows took past their due instant`);
    await new Promise((r) => setTimeout(r, due - Date.now()));
    // Nothing asks the server about these workflows while their timers fire, beyond one count every
    // two seconds: a result or describe call per workflow (32 at a time) would be load on the server
    // that the reminders' own measurement (from PostgreSQL and the SMTP sink) does not put on it.
    // The close times are read from visibility once every workflow has completed.
    const query = `TaskQueue = '${taskQueue}'`;
    for (;;) {
      const { count } = await client.workflow.count(`${query} AND ExecutionStatus = 'Running'`);
      if (count === 0) break;
      if (Date.now() - due > 30 * 60_000) throw new Error(`${count} bare workflows still running 30 minutes after their due instant`);
      await new Promise((r) => setTimeout(r, 2_000));
    }
    const late: number[] = [];
    for await (const execution of client.workflow.list({ query: `${query} AND ExecutionStatus = 'Completed'` })) {
      late.push((execution.closeTime!.getTime() - due) / 1000);
    }
    if (late.length !== opts.count) throw new Error(`visibility lists ${late.length} completed bare workflows of ${opts.count}`);
    return { count: late.length, p50: percentile(late, 50), p99: percentile(late, 99), max: Math.max(...late) };
  } finally {
    await connection.close();
    worker.shutdown();
    await running;
    await nativeConnection.close();
  }
}
