import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { ErrorBody } from './api-error';


/** An Update rejected by the decider carries the DomainError's code and status in its details. */
export function toDomainFailure(error: unknown): ErrorBody | undefined {
  if (error instanceof WorkflowNotFoundError) {
    return { statusCode: 404, code: 'NOT_FOUND', message: 'program not found' };
  }
  let cause: unknown = error;
  if (error instanceof WorkflowUpdateFailedError) cause = error.cause;
  if (cause instanceof ApplicationFailure && cause.type) {
    const detail = (cause.details?.[0] ?? {}) as { status?: number; details?: unknown };
    const status = typeof detail.status === 'number' ? detail.status : cause.type === 'STREAM_VERSION_CONFLICT' ? 409 : 422;
    return { statusCode: status, code: cause.type, message: cause.message, details: detail.details ?? undefined };
  }
  return undefined;
}
