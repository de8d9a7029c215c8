import { canonicalJson } from '../event-store/canonical-json';
import { GENESIS_HASH, rowHash } from '../event-store/hash-chain';
import { rowHashes } from './row-hash';

describe('rowHashes', () => {
  const data = { b: [1, { z: 'é', y: null }], a: 2.5 };
  const metadata = { v: 1, actorId: 'u-1' };
  const occurredAt = '2026-01-05T01:00:00.000Z';
  const hash = rowHash(GENESIS_HASH, 's', 3, 'T', data, metadata, occurredAt);
  const row = { streamId: 's', version: 3, type: 'T', dataJson: canonicalJson(data), metadataJson: canonicalJson(metadata), occurredAt, prevHash: GENESIS_HASH, hash };

  it('accepts the canonical text the store writes', () => {
    expect(rowHashes(row)).toBe(true);
  });

  it('accepts the same values in another text form (as jsonb printed them)', () => {
    expect(rowHashes({ ...row, dataJson: '{"a": 2.5, "b": [1, {"y": null, "z": "\\u00e9"}]}', metadataJson: '{"v": 1, "actorId": "u-1"}' })).toBe(true);
  });

  it('refuses changed values, another version, or another hash', () => {
    expect(rowHashes({ ...row, dataJson: '{"a":2.5,"b":[1,{"y":null,"z":"e"}]}' })).toBe(false);
    expect(rowHashes({ ...row, metadataJson: '{"actorId":"u-2","v":1}' })).toBe(false);
    expect(rowHashes(row, 4)).toBe(false);
    expect(rowHashes({ ...row, hash: 'f'.repeat(64) })).toBe(false);
  });
});
