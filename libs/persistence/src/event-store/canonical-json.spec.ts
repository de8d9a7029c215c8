import { canonicalJson, jsonString } from './canonical-json';
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
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });

  // Stored hashes were taken over this text: it must stay byte for byte what sorting the keys and
  // letting JSON.stringify write everything else gives.
  const reference = (value: unknown): string => {
    if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : reference(v))).join(',')}]`;
    if (value !== null && typeof value === 'object') {
      const members = Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => `${JSON.stringify(k)}:${reference((value as Record<string, unknown>)[k])}`);
      return `{${members.join(',')}}`;
    }
    return JSON.stringify(value);
  };
  const STRINGS = ['', 'a', 'é', 'Ibu Siti "Wali"', 'back\\slash', 'tab\tline\n', '\u0000\u001f\u007f', '\u2028\u2029', '😀', '\ud800', 'x\udfff', '10', '9', 'B', 'a_b', 'Z'];
  const NUMBERS = [0, -0, 1, -1, 1.5, 1e21, 1.5e-7, 123456789.125, Number.MAX_SAFE_INTEGER, -Number.MIN_VALUE];
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const value = (depth: number): unknown => {
    switch (next(depth > 3 ? 4 : 7)) {
      case 0:
        return STRINGS[next(STRINGS.length)];
      case 1:
        return NUMBERS[next(NUMBERS.length)];
      case 2:
        return next(2) === 0;
      case 3:
        return null;
      case 4:
        return Array.from({ length: next(4) }, () => (next(8) === 0 ? undefined : value(depth + 1)));
      default: {
        const size = next(5) === 0 ? 17 + next(20) : next(6);
        const obj: Record<string, unknown> = {};
        for (let i = 0; i < size; i++) obj[next(3) === 0 ? STRINGS[next(STRINGS.length)] : `k${next(40)}`] = next(10) === 0 ? undefined : value(depth + 1);
        return obj;
      }
    }
  };

  it('writes what sorted keys and JSON.stringify write, for every kind of value', () => {
    for (let i = 0; i < 2_000; i++) {
      const v = value(0);
      expect(canonicalJson(v)).toBe(reference(v));
    }
  });

  it('quotes strings exactly as JSON.stringify does', () => {
    for (const s of STRINGS) expect(jsonString(s)).toBe(JSON.stringify(s));
    for (let c = 0; c < 0x10000; c++) expect(jsonString(String.fromCharCode(c))).toBe(JSON.stringify(String.fromCharCode(c)));
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
