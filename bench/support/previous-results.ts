// A figure of the previous run, from the committed bench/results/<name>.json: printed as the
// baseline of a figure that has no same-run counterpart (the worker's CPU per approval of the
// code before a change), so the result says what it was before and what it is now.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '@mutu/temporal';

interface SavedRow {
  name: string;
  value: number;
}

/** `{ baseline }` for the row named `row` in the committed results of `bench`, or nothing. */
export function previousFigure(bench: string, row: string): { baseline?: { name: string; value: number } } {
  const file = join(PROJECT_ROOT, 'bench', 'results', `${bench}.json`);
  if (!existsSync(file)) return {};
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { measuredAt?: string; rows?: SavedRow[] };
  const found = saved.rows?.find((r) => r.name === row);
  return found ? { baseline: { name: `previous run (${saved.measuredAt ?? 'bench/results'})`, value: found.value } } : {};
}
