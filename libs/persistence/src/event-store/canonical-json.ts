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
      return jsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON cannot hold a non-finite number');
      return String(value); // what JSON.stringify writes for a finite number, -0 as 0 included
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
      const keys = sortKeys(Object.keys(obj));
      let out = '{';
      let first = true;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
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

// Strings with nothing to escape are quoted as they are: the same text JSON.stringify writes, without
// the call. Quotes, backslashes, control characters and any surrogate (a lone one is escaped) go
// through JSON.stringify.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as a JSON string literal, exactly as JSON.stringify writes it. */
export function jsonString(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : '"' + value + '"';
}

/**
 * Keys in UTF-16 code unit order, like Array.prototype.sort's default. An object has a few keys,
 * usually already in order: an insertion sort in place touches each once and allocates nothing
 * (a larger object gets the library sort).
 */
function sortKeys(keys: string[]): string[] {
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    if (keys[j] <= key) continue;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

// Events of one schema repeat the same member names: each is quoted once (a bounded memo).
const MAX_MEMBER_NAMES = 10_000;
const memberNames = new Map<string, string>();

function memberName(key: string): string {
  let quoted = memberNames.get(key);
  if (quoted === undefined) {
    quoted = jsonString(key) + ':';
    if (memberNames.size < MAX_MEMBER_NAMES) memberNames.set(key, quoted);
  }
  return quoted;
}
