/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, `undefined` members
 * dropped. Hashes are taken over this form, so they do not depend on the order a writer built an
 * object in; the store writes this same text. Built with plain string concatenation: appends and
 * verification serialize millions of events.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON cannot hold a non-finite number');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const v = value[i];
          out += v === undefined ? 'null' : canonicalJson(v);
        }
        return out + ']';
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj);
      if (!inOrder(keys)) keys.sort();
      let out = '{';
      let first = true;
      for (const k of keys) {
        const v = obj[k];
        if (v === undefined) continue;
        if (!first) out += ',';
        first = false;
        out += memberName(k) + canonicalJson(v);
      }
      return out + '}';
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}

function inOrder(keys: string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1] > keys[i]) return false;
  return true;
}

// Events of one schema repeat the same member names: each is quoted once (a bounded memo).
const MAX_MEMBER_NAMES = 10_000;
const memberNames = new Map<string, string>();

function memberName(key: string): string {
  let quoted = memberNames.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key) + ':';
    if (memberNames.size < MAX_MEMBER_NAMES) memberNames.set(key, quoted);
  }
  return quoted;
}
