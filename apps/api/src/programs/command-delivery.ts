import { resolve } from 'node:path';
import { WorkflowUpdateRPCTimeoutOrCancelledError, type Client, type WorkflowUpdateHandle } from '@temporalio/client';
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
 * Starts an Update and waits for a worker to accept it for at most `config.UPDATE_ACCEPT_TIMEOUT_MS`
 * (the server holds an Update it cannot hand to a worker; without a deadline the request would
 * hang until one comes back); then waits for the outcome of the run that accepted it. An Update
 * still unaccepted at the deadline may yet be applied when a worker returns: a retry with the same
 * command id (Update id) is then answered with that one outcome.
 */
export async function updateAcceptedInTime<Ret>(client: Client, config: Config, start: () => Promise<WorkflowUpdateHandle<Ret>>): Promise<Ret> {
  let update: WorkflowUpdateHandle<Ret>;
  try {
    update = await client.withDeadline(Date.now() + config.UPDATE_ACCEPT_TIMEOUT_MS, start);
  } catch (e) {
    if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isDeadlineExceeded(e)) {
      throw new WorkerUnavailableError(Math.max(1, Math.ceil(config.UPDATE_ACCEPT_TIMEOUT_MS / 1000)));
    }
    throw e;
  }
  return update.result();
}

function isDeadlineExceeded(e: unknown): boolean {
  for (let cause = e; cause; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === 4) return true; // gRPC DEADLINE_EXCEEDED
  }
  return false;
}
