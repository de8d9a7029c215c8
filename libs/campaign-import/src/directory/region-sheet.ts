// The regions sheet: one row per regency/city (kabupaten/kota) run as a Mutu region.
import { SheetErrors } from '../sheet-errors';
import { firstOccurrence, ID_PATTERN, outcome, readDirectoryRows, requireCell, type ColumnSpec, type DirectoryOutcome } from './directory-sheet';
import type { DirectorySnapshot } from './directory-snapshot';

export const REGION_COLUMNS = [
  { key: 'regionId', names: ['Kode Wilayah', 'Region ID'], required: true },
  { key: 'name', names: ['Nama Wilayah', 'Kabupaten/Kota', 'Name'], required: true },
] as const satisfies readonly ColumnSpec<string>[];

export interface NewRegion {
  row: number;
  regionId: string;
  name: string;
}

export function validateRegionSheet(rows: string[][], snapshot: DirectorySnapshot): DirectoryOutcome<NewRegion[]> {
  const errors = new SheetErrors();
  const data = readDirectoryRows(rows, REGION_COLUMNS, errors);
  const existingIds = new Set(snapshot.regions.map((r) => r.regionId.toLowerCase()));
  const existingNames = new Set(snapshot.regions.map((r) => r.name.trim().toLowerCase()));
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  const plan: NewRegion[] = [];
  for (const r of data) {
    const hasId = requireCell(r, 'regionId', errors, 100);
    const hasName = requireCell(r, 'name', errors);
    const { regionId, name } = r.cells;
    if (hasId && !ID_PATTERN.test(regionId)) {
      errors.add(r.row, 'BAD_ID', `"${regionId}" may hold only letters, digits, "-" and "_".`, r.column('regionId'));
      continue;
    }
    if (hasId && existingIds.has(regionId.toLowerCase())) errors.add(r.row, 'ALREADY_EXISTS', `Region ${regionId} already exists.`, r.column('regionId'));
    if (hasName && existingNames.has(name.toLowerCase())) errors.add(r.row, 'ALREADY_EXISTS', `A region named "${name}" already exists.`, r.column('name'));
    const firstId = hasId && firstOccurrence(ids, r, 'regionId', errors);
    const firstName = hasName && firstOccurrence(names, r, 'name', errors);
    if (firstId && firstName) plan.push({ row: r.row, regionId, name });
  }
  if (data.length === 0 && errors.count === 0) errors.add(2, 'MISSING_FIELD', 'The sheet has no region rows.');
  return outcome(errors, plan);
}
