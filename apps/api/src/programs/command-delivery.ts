import { resolve } from 'node:path';
import { ApplicationFailure, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError, type Client, type WorkflowUpdateHandle } from '@temporalio/client';
import type { Config } from '@mutu/config';
import { commandSignerFrom, type CommandSigner } from '@mutu/persistence';
import { PROJECT_ROOT } from '@mutu/temporal';
import { ApiError } from '../common/api-error';

/** The API's key for command envelopes (the workers verify with the same one). */
export function apiCommandSigner(config: Config): CommandSigner {
  return commandSignerFrom({
    COMMAND_SIGNING_KEY: config.COMMAND_SIGNING_KEY,
    NODE_ENV: config.NODE_ENV,
    dataDir: resolve(PROJECT_ROOT, config.DATA_DIR),
    log: (line) => process.stdout.write(`${line}\n`),
  });
}

/** 503 with Retry-After: no worker accepted the command in time, and nothing was recorded yet. */
export class WorkerUnavailableError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      503,
      'WORKER_UNAVAILABLE',
      'No worker accepted the command in time; nothing was recorded. Retry with the same Idempotency-Key: it is applied at most once.',
    );
  }
}

/**
 * 429 with Retry-After: the program already has as many commands in flight as the Temporal server
 * admits for one workflow (history.maxInFlightUpdates), and it stayed so for the whole accept
 * deadline; nothing was recorded.
 */
export class ProgramBusyError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'PROGRAM_BUSY',
      'This program is taking many commands at once; nothing was recorded. Retry with the same Idempotency-Key: it is applied at most once.',
    );
  }
}

/** A refused admission: the server holds no more Updates of this workflow right now. */
const GRPC_RESOURCE_EXHAUSTED = 8;
const BUSY_RETRY_MS = { first: 25, max: 400 };

/**
 * Starts an Update and waits for a worker to accept it for at most `config.UPDATE_ACCEPT_TIMEOUT_MS`
 * (the server holds an Update it cannot hand to a worker; without a deadline the request would
 * hang until one comes back); then waits for the outcome of the run that accepted it. An Update
 * still unaccepted at the deadline may yet be applied when a worker returns: a retry with the same
 * command id (Update id) is then answered with that one outcome.
 */
export async function updateAcceptedInTime<Ret>(client: Client, config: Config, start: () => Promise<WorkflowUpdateHandle<Ret>>): Promise<Ret> {
  const deadline = Date.now() + config.UPDATE_ACCEPT_TIMEOUT_MS;
  for (let attempt = 0; ; attempt++) {
    const update = await startAccepted(client, config, deadline, start);
    try {
      return await update.result();
    } catch (e) {
      // The server dropped the Update unprocessed: the workflow task that carried it was lost
      // before the worker answered it. Nothing of it is known to the workflow, so it is sent again
      // under the same id (a command the lost task had recorded is then answered from the store).
      if (!isUnprocessed(e)) throw e;
      if (Date.now() >= deadline) throw new WorkerUnavailableError(1);
      await pause(attempt);
    }
  }
}

/** The Update once a worker accepted it, trying again while its program is busy, until the deadline. */
async function startAccepted<Ret>(client: Client, config: Config, deadline: number, start: () => Promise<WorkflowUpdateHandle<Ret>>): Promise<WorkflowUpdateHandle<Ret>> {
  // A program's in-flight Updates each take one workflow task to answer, so a refused admission
  // clears within milliseconds: it is tried again soon, with jitter so that a burst of clients
  // does not come back in step.
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.withDeadline(deadline, start);
    } catch (e) {
      if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError || hasGrpcCode(e, GRPC_DEADLINE_EXCEEDED)) {
        throw new WorkerUnavailableError(Math.max(1, Math.ceil(config.UPDATE_ACCEPT_TIMEOUT_MS / 1000)));
      }
      if (!hasGrpcCode(e, GRPC_RESOURCE_EXHAUSTED)) throw e;
      if (Date.now() + BUSY_RETRY_MS.max >= deadline) throw new ProgramBusyError(1);
      await pause(attempt);
    }
  }
}

function pause(attempt: number): Promise<void> {
  const ms = Math.min(BUSY_RETRY_MS.max, BUSY_RETRY_MS.first * 2 ** attempt) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isUnprocessed(e: unknown): boolean {
  return e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure && e.cause.type === 'UnprocessedUpdate';
}

const GRPC_DEADLINE_EXCEEDED = 4;

function hasGrpcCode(e: unknown, code: number): boolean {
  for (let cause = e; cause; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === code) return true;
  }
  return false;
}
