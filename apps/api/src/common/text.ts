import type { FieldIssue } from './api-error';

/**
 * PostgreSQL refuses U+0000 in text, so a NUL anywhere in a request would surface as a 500 from
 * the database. Every string the API accepts is NUL-free: the edge pipe (ZodPipe) and the path
 * parameter guard run `nulIssues` over every value before its schema (bodies, queries, path
 * parameters, whatever the schema, including those that come from the domain), and the OpenAPI
 * document gives every free-text string NO_NUL_PATTERN.
 */
export const NO_NUL_PATTERN = '^[^\\u0000]*$';
export const NO_NUL_MESSAGE = 'must not contain a NUL character';

/** Every string (and object key) holding a NUL, at its field path. */
export function nulIssues(value: unknown, path: string[] = [], out: FieldIssue[] = []): FieldIssue[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ path: path.join('.') || '(body)', message: NO_NUL_MESSAGE });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulIssues(v, [...path, String(i)], out));
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) out.push({ path: [...path, k].join('.'), message: NO_NUL_MESSAGE });
      nulIssues(v, [...path, k], out);
    }
  }
  return out;
}
