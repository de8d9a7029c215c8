import { GENESIS_HASH } from '../event-store/hash-chain';
import type { ChainBreak, ChainRow } from './chain.types';
import { rowHashes } from './row-hash';

/**
 * Names the tampering behind the first break of one stream. `rows` are the stream's rows in
 * stored version order; `i` is the first row whose version, prev link or own hash is wrong.
 * The links are the evidence: a prev_hash pointing at an earlier event means an extra link
 * was spliced in, one pointing at a later event means events changed places, one pointing at
 * nothing means the row before it was removed or rewritten.
 */
export function classifyBreak(rows: readonly ChainRow[], i: number): ChainBreak {
  const r = rows[i];
  const streamId = r.streamId;
  const expectedVersion = i === 0 ? 1 : rows[i - 1].version + 1;
  const prevStored = i === 0 ? GENESIS_HASH : rows[i - 1].hash;
  const at = (kind: ChainBreak['kind'], version: number, detail: string): ChainBreak => ({ streamId, kind, version, detail });

  if (r.version > expectedVersion) {
    return at('deleted', expectedVersion, `version ${expectedVersion} is missing: the chain jumps to version ${r.version}`);
  }
  if (r.prevHash === prevStored) {
    return at('edited', r.version, `version ${r.version} does not hash to its stored hash: its content or hash was changed`);
  }
  // Where does this row's prev link point? GENESIS counts as "before the first event".
  let target = r.prevHash === GENESIS_HASH ? -1 : -2;
  if (target === -2) {
    for (let j = 0; j < rows.length; j++) {
      if (j !== i && rows[j].hash === r.prevHash) {
        target = j;
        break;
      }
    }
  }
  if (target > i) {
    return at('reordered', r.version, `version ${r.version} links to version ${rows[target].version}: events were moved`);
  }
  if (target >= -1 && target < i - 1) {
    // Either this row is an extra copy (the next row links over it), or rows target+1..i-1 are.
    const next = rows[i + 1];
    if (next && next.prevHash === prevStored) {
      return at('inserted', r.version, `version ${r.version} is an extra link: version ${next.version} links over it`);
    }
    const extra = rows[target + 1];
    return at('inserted', extra.version, `version ${extra.version} is an extra link: version ${r.version} links over it`);
  }
  // The link points at no stored event.
  if (rowHashes(r)) {
    if (i === 0) return at('edited', r.version, `version ${r.version} links to an unknown predecessor`);
    const prev = rows[i - 1];
    return at('edited', prev.version, `version ${prev.version} was rewritten with a new hash: version ${r.version} still links to the old one`);
  }
  if (rowHashes(r, r.version + 1)) {
    return at('deleted', r.version, `an event was removed before version ${r.version + 1}, which was renumbered to ${r.version}`);
  }
  return at('edited', r.version, `version ${r.version} has a prev link and hash that match nothing: it was changed`);
}
