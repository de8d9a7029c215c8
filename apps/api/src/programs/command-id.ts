import { createHash, randomUUID } from 'node:crypto';
import { ApiError } from '../common/api-error';

/** What an Idempotency-Key may be (also published in the OpenAPI document). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The command id (= Temporal Update id) of a request: derived from the client's Idempotency-Key
 * and the caller, so a retry maps to the same Update and the same stored command.
 */
export function commandIdFor(userId: string, idempotencyKey: string | undefined, scope: string): string {
  if (idempotencyKey === undefined) return randomUUID();
  if (!IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
    throw new ApiError(400, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 8–128 characters of letters, digits, ".", "_", ":" or "-".', {
      issues: [{ path: 'headers.idempotency-key', message: 'invalid format' }],
    });
  }
  return `${scope}:${createHash('sha256').update(`${userId}\u0000${idempotencyKey}`).digest('hex').slice(0, 32)}`;
}

/** A program id stable under retries of the same create request. */
export function programIdFor(userId: string, idempotencyKey: string | undefined): string {
  if (idempotencyKey === undefined) return randomUUID();
  const h = createHash('sha256').update(`program\u0000${userId}\u0000${idempotencyKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
