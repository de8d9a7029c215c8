// The worker's workflow threads keep no per-promise stack traces unless WORKFLOW_STACK_TRACES is
// on: programs run as before, the `__stack_trace` query answers that stack traces are off, and a
// worker started with them on answers it with where the program's workflow waits.
// Real Temporal dev server, real PostgreSQL, the real worker.
import { Client, Connection } from '@temporalio/client';
import { programWorkflowId } from '@mutu/workflows';
import { createWorker, type RunningWorker } from '../../apps/worker/src/create-worker';
import { startTestStack, type TestStack } from '../support/stack';
import { until } from '../support/until';
import { createProgram, http } from './api-helpers';

describe('workflow stack traces', () => {
  let stack: TestStack;
  let connection: Connection;
  let client: Client;
  let principal: string;
  let programId: string;
  let tracing: { worker: RunningWorker; running: Promise<void> } | undefined;

  beforeAll(async () => {
    stack = await startTestStack();
    connection = await Connection.connect({ address: stack.config.TEMPORAL_ADDRESS });
    client = new Client({ connection, namespace: stack.config.TEMPORAL_NAMESPACE });
    principal = await stack.login('kepsek@demo.mutu.id');
    programId = await createProgram(stack, principal);
  });

  afterAll(async () => {
    tracing?.worker.shutdown();
    await tracing?.running;
    await connection?.close();
    await stack?.stop();
  });

  const stackTrace = () => client.workflow.getHandle(programWorkflowId(programId)).query<string>('__stack_trace');

  it('are off by default: commands are answered and the query says stack traces are not enabled', async () => {
    expect(stack.config.WORKFLOW_STACK_TRACES).toBe(false);
    const submitted = await http(stack, principal, 'POST', `/programs/${programId}/plan/submit`, {});
    expect(submitted.status).toBe(200);
    await expect(stackTrace()).rejects.toThrow(/stack traces are not enabled/i);
  });

  it('with WORKFLOW_STACK_TRACES=true the query shows where the program waits', async () => {
    stack.worker.shutdown();
    await until('the worker to stop', () => stack.worker.worker.getState() === 'STOPPED', 20_000);
    const worker = await createWorker({ ...stack.config, WORKFLOW_STACK_TRACES: true });
    tracing = { worker, running: worker.run() };
    const trace = await stackTrace();
    // The run sleeps in its deadline loop until the next reminder or a command.
    expect(trace).toMatch(/programWorkflow|deadlines/);
    const state = await client.workflow.getHandle(programWorkflowId(programId)).query<{ version: number }>('state');
    expect(state.version).toBeGreaterThan(1);
  });
});
