import { createHash } from 'node:crypto';
import { canonicalJson } from '../event-store/canonical-json';

/**
 * `eventHash` for a row whose instant is already in ISO-8601 UTC with milliseconds (as the
 * verifier selects it). The body's keys are fixed, so they are written in sorted order directly.
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
  const body =
    '{"data":' +
    canonicalJson(data) +
    ',"metadata":' +
    canonicalJson(metadata) +
    ',"occurredAt":' +
    JSON.stringify(occurredAtIso) +
    ',"streamId":' +
    JSON.stringify(streamId) +
    ',"type":' +
    JSON.stringify(type) +
    ',"version":' +
    String(version) +
    '}';
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}
