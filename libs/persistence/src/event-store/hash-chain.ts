import { hash } from 'node:crypto';
import { canonicalJson, jsonString } from './canonical-json';

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
  return rowHash(prevHash, e.streamId, e.version, e.type, e.data, e.metadata, normalizeInstant(e.occurredAt));
}

/**
 * `eventHash` for a row whose instant is already in ISO-8601 UTC with milliseconds (as the audit
 * verifier selects it).
 */
export function rowHash(
  prevHash: string,
  streamId: string,
  version: number,
  type: string,
  data: unknown,
  metadata: unknown,
  occurredAtIso: string,
): string {
  return canonicalHash(prevHash, streamId, version, type, canonicalJson(data), canonicalJson(metadata), occurredAtIso);
}

/**
 * `rowHash` with data and metadata already in canonical JSON (an append sends the same text to
 * PostgreSQL). The body's keys are fixed, so they are written in sorted order directly: the same
 * bytes as canonical-json of the whole object, without building it.
 */
export function canonicalHash(
  prevHash: string,
  streamId: string,
  version: number,
  type: string,
  dataJson: string,
  metadataJson: string,
  occurredAtIso: string,
): string {
  const body =
    '{"data":' +
    dataJson +
    ',"metadata":' +
    metadataJson +
    ',"occurredAt":' +
    jsonString(occurredAtIso) +
    ',"streamId":' +
    jsonString(streamId) +
    ',"type":' +
    jsonString(type) +
    ',"version":' +
    String(version) +
    '}';
  // One-shot hashing: a Hash object per event costs more than the digest of ~500 bytes itself.
  return hash('sha256', prevHash + body, 'hex');
}

/** Timestamps are hashed in the one form PostgreSQL gives back: ISO-8601 UTC with milliseconds. */
export function normalizeInstant(instant: string | Date): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  return d.toISOString();
}
