import { canonicalJson } from '../event-store/canonical-json';
import { canonicalHash } from '../event-store/hash-chain';
import type { ChainRow } from './chain.types';

/**
 * Whether the row hashes to its stored hash (taken at `version`, the classifier also tries the
 * next one). The store writes canonical JSON, so the text is first hashed as it was read; text in
 * another form (rows written before data was kept as `json`, or by hand) is canonicalized, which
 * is the definition of the hash body, and hashed again.
 */
export function rowHashes(r: ChainRow, version = r.version): boolean {
  if (canonicalHash(r.prevHash, r.streamId, version, r.type, r.dataJson, r.metadataJson, r.occurredAt) === r.hash) return true;
  const dataJson = canonicalJson(JSON.parse(r.dataJson));
  const metadataJson = canonicalJson(JSON.parse(r.metadataJson));
  if (dataJson === r.dataJson && metadataJson === r.metadataJson) return false;
  return canonicalHash(r.prevHash, r.streamId, version, r.type, dataJson, metadataJson, r.occurredAt) === r.hash;
}
