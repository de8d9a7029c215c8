import { createHash } from 'node:crypto';

/**
 * The campaign id is a digest of the sheet's content (trimmed cells by column name, blank rows and
 * cells left out), so importing the same sheet again — as .csv or as .xlsx, columns in any order —
 * names the same campaign and starts nothing new.
 */
export function campaignIdOf(normalizedRows: readonly Record<string, string | undefined>[]): string {
  const canonical = normalizedRows.map((r) => Object.keys(r).sort().map((k) => [k, r[k]]));
  return `cmp-${createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 12)}`;
}
