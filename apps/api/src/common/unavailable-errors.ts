import { ServiceError } from '@temporalio/client';
import type { ErrorBody } from './api-error';

/** Seconds a client should wait before retrying a request refused because a dependency is restarting. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

// PostgreSQL: class 08 (connection exception) and 57P01-57P03 (shutting down, crashed, starting up).
const PG_UNAVAILABLE = /^(08|57P0[123])/;
const NET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (shutting down|starting up|in recovery mode)/i;
// gRPC UNAVAILABLE (14): the Temporal frontend is restarting or unreachable.
const GRPC_UNAVAILABLE = 14;

/**
 * A request that failed because PostgreSQL or the Temporal server is restarting is a temporary
 * refusal (503 with Retry-After), not a bug: nothing was recorded that the same request, retried
 * with its Idempotency-Key, would record twice.
 */
export function toUnavailable(error: unknown): ErrorBody | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown; driverError?: unknown }).driverError ?? (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    const message = (e as { message?: unknown }).message;
    if ((typeof code === 'string' && (PG_UNAVAILABLE.test(code) || NET_UNAVAILABLE.has(code))) || (typeof message === 'string' && PG_MESSAGES.test(message))) {
      return { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'The database is not reachable right now; retry with the same Idempotency-Key.' };
    }
    if (e instanceof ServiceError && (e.cause as { code?: unknown } | undefined)?.code === GRPC_UNAVAILABLE) {
      return { statusCode: 503, code: 'TEMPORAL_UNAVAILABLE', message: 'The workflow service is not reachable right now; retry with the same Idempotency-Key.' };
    }
  }
  return undefined;
}
