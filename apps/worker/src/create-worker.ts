import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { Config } from '@mutu/config';
import { temporalConnectionOptions, workflowCodeOptions } from '@mutu/temporal';
import { WorkerWithoutPromiseStacks } from './workflow-threads';
import { buildActivities } from './activities/activities.registry';
import { CheckpointScheduleService } from './activities/checkpoint-schedule.service';
import { StatutoryYearsService } from './statutory/statutory-years.service';
import { WorkerModule } from './worker.module';
import { startOutboxDispatcher, type RunningDispatcher } from './dispatcher/outbox-dispatcher.factory';

export interface RunningWorker {
  app: INestApplicationContext;
  worker: Worker;
  connection: NativeConnection;
  /** Resolves when the worker has stopped polling and drained, then closes everything it opened. */
  run(): Promise<void>;
  shutdown(): void;
}

export interface CreateWorkerOptions {
  /** A prebuilt workflow bundle (built once per test run or by `npm run build`). */
  workflowBundlePath?: string;
  /** Run the notifications outbox dispatcher in this process (default: on, except NODE_ENV=test). */
  dispatcher?: boolean;
  /** Keep the checkpoint Schedule and trigger it at stage changes (default: on, except NODE_ENV=test). */
  checkpointSchedule?: boolean;
  /** Open every school's statutory reporting year at start and every 6 h (default: on, except NODE_ENV=test). */
  statutoryYears?: boolean;
  /** Workflows kept in memory (default: WORKER_CACHED_WORKFLOWS). */
  maxCachedWorkflows?: number;
}

let runtimeInstalled = false;

function installRuntime(config: Config): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  // The SDK's INFO lines (worker state changes, bundle stats) are noise at Mutu's info level.
  const level = config.LOG_LEVEL === 'silent' || config.LOG_LEVEL === 'fatal' ? 'ERROR' : config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace' ? 'DEBUG' : 'WARN';
  try {
    Runtime.install({ logger: new DefaultLogger(level) });
  } catch {
    // Already installed by the host (a test harness): keep its logger.
  }
}

export async function createWorker(config: Config, opts: CreateWorkerOptions = {}): Promise<RunningWorker> {
  installRuntime(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  const connection = await NativeConnection.connect(temporalConnectionOptions(config));
  // Without stack traces the workflow threads skip the SDK's per-promise capture (workflow-threads.ts).
  const worker = await (config.WORKFLOW_STACK_TRACES ? Worker : WorkerWithoutPromiseStacks).create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    ...workflowCodeOptions(opts.workflowBundlePath),
    activities: buildActivities(app),
    // A cached program answers its next Update without replaying its history. All programs share
    // one copy of the domain (workflows/shared), so a cached one costs its own state only.
    maxCachedWorkflows: opts.maxCachedWorkflows ?? config.WORKER_CACHED_WORKFLOWS,
    shutdownGraceTime: '10 seconds',
  });
  if (opts.checkpointSchedule ?? config.NODE_ENV !== 'test') await app.get(CheckpointScheduleService).ensureOrRetry();
  if (opts.statutoryYears ?? config.NODE_ENV !== 'test') app.get(StatutoryYearsService).start();
  // Tests share one database: a dispatcher in every test stack would take each other's outbox rows.
  const dispatcher: RunningDispatcher | null =
    (opts.dispatcher ?? config.NODE_ENV !== 'test') ? startOutboxDispatcher(app, config) : null;
  return {
    app,
    worker,
    connection,
    async run() {
      try {
        await worker.run();
      } finally {
        await dispatcher?.stop();
        await connection.close();
        await app.close();
      }
    },
    shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
    },
  };
}
