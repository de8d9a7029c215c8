import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  streamId: string;
  version: number;
  type: string;
  data: unknown;
  metadata: unknown;
  occurredAt: string;
}

/** hash = sha256(prev_hash ‖ canonical-json(stream_id, version, type, data, metadata, occurred_at)) */
export function eventHash(prevHash: string, e: HashedFields): string {
  const body = canonicalJson({
    data: e.data,
    metadata: e.metadata,
    occurredAt: normalizeInstant(e.occurredAt),
    streamId: e.streamId,
    type: e.type,
    version: e.version,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** Timestamps are hashed in the one form PostgreSQL gives back: ISO-8601 UTC with milliseconds. */
export function normalizeInstant(instant: string | Date): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  return d.toISOString();
}
