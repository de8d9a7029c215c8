// Reading a directory sheet (regions, schools, staff): the header row names the columns, in any
// order and case; columns the import does not use (a Dapodik export has dozens) are ignored. Every
// finding is collected with its spreadsheet row (header = row 1) and column, never thrown.
import { SheetErrors, type SheetError } from '../sheet-errors';

export interface ColumnSpec<K extends string> {
  key: K;
  /** The column's name as written in the sheet, then accepted alternatives. */
  names: readonly string[];
  required?: boolean;
}

/** One data row: its spreadsheet row number and its cells by column key (trimmed, '' when empty). */
export interface DirectoryRow<K extends string> {
  row: number;
  cells: Record<K, string>;
  /** The column name as written in the header, for error messages. */
  column(key: K): string;
}

export type DirectoryOutcome<T> = { ok: true; plan: T } | { ok: false; errors: SheetError[] };

const normalise = (name: string) => name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

/** The header's columns by key; missing required columns and duplicate ones are reported at row 1. */
export function readDirectoryRows<K extends string>(
  rows: string[][],
  spec: readonly ColumnSpec<K>[],
  errors: SheetErrors,
): DirectoryRow<K>[] {
  const header = (rows[0] ?? []).map(normalise);
  const index = new Map<K, number>();
  for (const col of spec) {
    const hits = header.map((h, i) => (col.names.some((n) => normalise(n) === h) ? i : -1)).filter((i) => i >= 0);
    if (hits.length > 1) errors.add(1, 'DUPLICATE_COLUMN', `The column "${col.names[0]}" appears ${hits.length} times.`, col.names[0]);
    if (hits.length === 0 && col.required) errors.add(1, 'MISSING_HEADER', `The header row has no "${col.names[0]}" column.`, col.names[0]);
    if (hits.length > 0) index.set(col.key, hits[0]!);
  }
  if (errors.count > 0) return [];
  const names = new Map(spec.map((c) => [c.key, c.names[0]!]));
  const out: DirectoryRow<K>[] = [];
  rows.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const values = {} as Record<K, string>;
    for (const col of spec) {
      const at = index.get(col.key);
      values[col.key] = at === undefined ? '' : (cells[at] ?? '').trim();
    }
    out.push({ row: i + 2, cells: values, column: (key) => names.get(key)! });
  });
  return out;
}

/** Reports an empty required cell and a cell longer than `max`; true when the cell is usable. */
export function requireCell<K extends string>(r: DirectoryRow<K>, key: K, errors: SheetErrors, max = 200): boolean {
  const value = r.cells[key];
  if (value === '') {
    errors.add(r.row, 'MISSING_FIELD', `"${r.column(key)}" is empty.`, r.column(key));
    return false;
  }
  if (value.length > max) {
    errors.add(r.row, 'TOO_LONG', `"${r.column(key)}" has more than ${max} characters.`, r.column(key));
    return false;
  }
  return true;
}

/** Reports a value seen on an earlier row of the same sheet (compared case-insensitively). */
export function firstOccurrence<K extends string>(seen: Map<string, number>, r: DirectoryRow<K>, key: K, errors: SheetErrors): boolean {
  const value = r.cells[key].toLowerCase();
  const earlier = seen.get(value);
  if (earlier !== undefined) {
    errors.add(r.row, 'DUPLICATE_ROW', `${r.cells[key]} is already on row ${earlier}.`, r.column(key));
    return false;
  }
  seen.set(value, r.row);
  return true;
}

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const NPSN_PATTERN = /^\d{8}$/;

export function outcome<T>(errors: SheetErrors, plan: T): DirectoryOutcome<T> {
  return errors.count > 0 ? { ok: false, errors: errors.sorted() } : { ok: true, plan };
}
