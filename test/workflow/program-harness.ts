// Shared by the program workflow tests and the history recorder: a time-skipping Temporal server,
// a worker running the prebuilt bundle with the worker's real activities (appendEvents over an
// EventStore on DATABASE_URL), and helpers that send commands as Updates the way the API does.
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { loadConfig } from '@mutu/config';
import { executeUpdateOnAcceptingRun } from '@mutu/temporal';
import type { ProgramCommand, ProgramState } from '@mutu/domain';
import { EventStore, eventHash, foldStored, GENESIS_HASH, programStreamId } from '@mutu/persistence';
import { commandUpdate, programWorkflow, programWorkflowId, stateQuery, type CommandOutcome } from '@mutu/workflows';
import { buildActivities } from '../../apps/worker/src/activities/activities.registry';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { signedArgs } from '../support/command-signing';

export interface ProgramHarness {
  env: TestWorkflowEnvironment;
  client: Client;
  taskQueue: string;
  store: EventStore;
  dataSource: DataSource;
  /** Runs `fn` while the worker polls (the worker runs for the harness's whole life). */
  withWorker<T>(fn: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

let counter = 0;

export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** Starts the Java time-skipping server (or connects to `TEMPORAL_ADDRESS` when `devServer`). */
export async function startProgramHarness(
  opts: { devServer?: boolean; wrapActivities?: (activities: ReturnType<typeof buildActivities>) => ReturnType<typeof buildActivities> } = {},
): Promise<ProgramHarness> {
  const env = opts.devServer
    ? await TestWorkflowEnvironment.createFromExistingServer({ address: process.env.TEMPORAL_ADDRESS! })
    : await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: process.env.TEMPORAL_TEST_SERVER_PATH! } },
      });
  const taskQueue = uniqueId('program-wf');
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', TEMPORAL_TASK_QUEUE: taskQueue, LOG_LEVEL: 'silent' });
  // The worker's own module: PersistenceModule runs the migrations and wires the projectors.
  const app: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error'] });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: process.env.MUTU_WORKFLOW_BUNDLE! },
    activities: (opts.wrapActivities ?? ((a) => a))(buildActivities(app)),
  });
  const running = worker.run();
  return {
    env,
    client: env.client,
    taskQueue,
    store: app.get(EventStore),
    dataSource: app.get(DataSource),
    withWorker: (fn) => Promise.race([fn(), running.then(() => Promise.reject(new Error('the worker stopped')))]),
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
      await app.close();
    },
  };
}

/** Gives every command of a scenario ids of its own, so scenarios can share one database. */
export function scoped<C extends ProgramCommand>(programId: string, command: C): C {
  const payload = command.type === 'CreateProgram' ? { ...command.payload, programId } : command.payload;
  return { ...command, commandId: `${programId}:${command.commandId}`, payload } as C;
}

/** Starts an empty program workflow; CreateProgram then arrives as an Update, as from the API. */
export async function startProgram(h: ProgramHarness, programId: string, extra: { maxHistoryEvents?: number } = {}) {
  await h.client.workflow.start(programWorkflow, {
    taskQueue: h.taskQueue,
    workflowId: programWorkflowId(programId),
    args: [{ programId, indexStage: false, ...extra }],
  });
  return h.client.workflow.getHandle<typeof programWorkflow>(programWorkflowId(programId));
}

/** Sends one command as its Update; the Update id is the command id. */
/** The Update's outcome plus the state right after it (from the `state` query). */
export type SentOutcome = CommandOutcome & { state: ProgramState };

/** Sends one command as its Update and answers its outcome (no state query). */
export function sendOnly(handle: WorkflowHandle, command: ProgramCommand): Promise<CommandOutcome> {
  return executeUpdateOnAcceptingRun(handle, commandUpdate(command.type), { args: signedArgs(command), updateId: command.commandId });
}

export async function send(handle: WorkflowHandle, command: ProgramCommand): Promise<SentOutcome> {
  const outcome = await sendOnly(handle, command);
  const now = await handle.query(stateQuery);
  return { ...outcome, state: now.state, version: now.version };
}

/** Sends commands one after the other and returns the last outcome. */
export async function sendAll(handle: WorkflowHandle, commands: readonly ProgramCommand[]): Promise<SentOutcome | undefined> {
  let last: SentOutcome | undefined;
  for (const c of commands) last = await send(handle, c);
  return last;
}

/** The failure type (DomainError code) of a rejected Update, or undefined when it was accepted. */
export async function refusalOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    const cause = (e as { cause?: { type?: string } }).cause;
    return cause?.type ?? (e as { type?: string }).type ?? String(e);
  }
}

/** Recomputes every hash of a stream from the genesis hash; returns the first broken version. */
export async function brokenLinkOf(store: EventStore, streamId: string): Promise<number | null> {
  const events = await store.readStream(streamId);
  let prev = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    if (e.version !== i + 1 || e.prevHash !== prev) return e.version;
    const expected = eventHash(prev, { streamId, version: e.version, type: e.type, data: e.data, metadata: e.metadata, occurredAt: e.occurredAt });
    if (expected !== e.hash) return e.version;
    prev = e.hash;
  }
  return null;
}

/** Number of Temporal history events of the current run. */
export async function historyLength(handle: WorkflowHandle): Promise<number> {
  return (await handle.fetchHistory()).events?.length ?? 0;
}

export const stageOf = (state: unknown) => (state as { stage?: string }).stage;

/** The stored stream has exactly `version` events, folds to the workflow's state and chains intact. */
export async function expectStoreMatches(h: ProgramHarness, programId: string, workflowState: unknown, version: number) {
  const stored = await h.store.readStream(programStreamId(programId));
  expect(stored).toHaveLength(version);
  expect(foldStored(stored)).toEqual(workflowState);
  expect(await brokenLinkOf(h.store, programStreamId(programId))).toBeNull();
}
