import { canonicalJson } from './canonical-json';
import { eventHash, GENESIS_HASH } from './hash-chain';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text whatever the insertion order', () => {
    expect(canonicalJson({ x: 'é', y: null })).toBe(canonicalJson({ y: null, x: 'é' }));
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});

describe('eventHash', () => {
  const event = { streamId: 's', version: 1, type: 'T', data: { a: 1 }, metadata: {}, occurredAt: '2026-01-05T01:00:00Z' };

  it('depends on the previous hash and on every hashed field', () => {
    const base = eventHash(GENESIS_HASH, event);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash('1'.repeat(64), event)).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...event, version: 2 })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...event, data: { a: 2 } })).not.toBe(base);
  });

  it('treats equal instants written differently as the same', () => {
    expect(eventHash(GENESIS_HASH, { ...event, occurredAt: '2026-01-05T08:00:00+07:00' })).toBe(eventHash(GENESIS_HASH, event));
  });
});
