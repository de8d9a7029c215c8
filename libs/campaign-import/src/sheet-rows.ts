// Header and per-row reading: each data row becomes a typed record, every problem a SheetError.
// A record keeps what was readable even when one of its cells is not (a meeting with a bad date
// still exists as meeting n), so one bad cell does not cascade into unrelated findings.
import { CampaignTeamRoleSchema, type CampaignTeamRole, type Material } from '@mutu/domain';
import type { SheetErrors } from './sheet-errors';
import { isTimeZone, parseClusterCode, parseDate, parseMaterials, parseMeetingNumber, parsePosition } from './sheet-values';

export const COLUMNS = [
  'record', 'cluster', 'school', 'position', 'number', 'date', 'email', 'team_role', 'name',
  'title', 'start', 'end', 'materials', 'region', 'time_zone', 'organiser',
] as const;
export type Column = (typeof COLUMNS)[number];

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

export interface CampaignRecord {
  kind: 'campaign';
  row: number;
  title?: string;
  start?: string;
  end?: string;
  materials: Material[];
  regionId?: string;
  timeZone: string;
  organiser?: string;
}
export interface SchoolRecord { kind: 'school'; row: number; cluster: string; key?: string; position?: number }
export interface MeetingRecord { kind: 'meeting'; row: number; cluster: string; number?: number; date?: string }
export interface TeamRecord { kind: 'team'; row: number; cluster: string; email?: string; role?: CampaignTeamRole; name?: string }
export type SheetRecord = CampaignRecord | SchoolRecord | MeetingRecord | TeamRecord;

export interface ReadRows {
  /** false when row 1 is not a usable header: nothing else could be read. */
  header: boolean;
  records: SheetRecord[];
  /** The data rows as column → trimmed text (empty cells left out): what the campaign id hashes. */
  normalized: Partial<Record<Column, string>>[];
}

const MAX_LENGTH: Partial<Record<Column, number>> = { title: 300, organiser: 300, name: 200, school: 200, email: 320, region: 200 };

/** Reads the header (row 1) and every data row; blank rows are skipped but keep their numbers. */
export function readRows(rows: string[][], errors: SheetErrors): ReadRows {
  const columns = readHeader(rows[0] ?? [], errors);
  if (!columns) return { header: false, records: [], normalized: [] };
  const records: SheetRecord[] = [];
  const normalized: ReadRows['normalized'] = [];
  for (let i = 1; i < rows.length; i++) {
    const cells: Partial<Record<Column, string>> = {};
    for (const [j, col] of columns.entries()) {
      const v = (rows[i][j] ?? '').trim();
      if (col && v !== '') cells[col] = v;
    }
    if (Object.keys(cells).length === 0) continue;
    normalized.push(cells);
    const record = readRecord(i + 1, cells, errors);
    if (record) records.push(record);
  }
  return { header: true, records, normalized };
}

function readHeader(header: string[], errors: SheetErrors): (Column | undefined)[] | undefined {
  const names = header.map((h) => h.trim().toLowerCase());
  if (!names.includes('record')) {
    // Without it, row 1 is data or nothing: naming its cells as unknown columns would only confuse.
    errors.add(1, 'MISSING_HEADER', `Row 1 must be the header row, with at least a "record" column (${COLUMNS.join(',')}).`);
    return undefined;
  }
  const columns = names.map((n) => ((COLUMNS as readonly string[]).includes(n) ? (n as Column) : undefined));
  const seen = new Set<string>();
  for (const [j, n] of names.entries()) {
    if (n === '') continue;
    if (!columns[j]) errors.add(1, 'UNKNOWN_COLUMN', `Unknown column "${header[j].trim()}"; the columns are ${COLUMNS.join(', ')}.`, header[j].trim());
    else if (seen.has(n)) {
      errors.add(1, 'DUPLICATE_COLUMN', `Column "${n}" appears twice.`, n);
      columns[j] = undefined;
    }
    seen.add(n);
  }
  return columns;
}

function readRecord(row: number, cells: Partial<Record<Column, string>>, errors: SheetErrors): SheetRecord | undefined {
  for (const [col, max] of Object.entries(MAX_LENGTH) as [Column, number][]) {
    if ((cells[col]?.length ?? 0) > max) {
      errors.add(row, 'TOO_LONG', `At most ${max} characters.`, col);
      delete cells[col];
    }
  }
  const need = (col: Column): string | undefined => {
    const v = cells[col];
    if (v === undefined) errors.add(row, 'MISSING_FIELD', `A ${cells.record} row needs a ${col}.`, col);
    return v;
  };
  const date = (col: Column): string | undefined => {
    const v = need(col);
    if (v === undefined) return undefined;
    const parsed = parseDate(v);
    if ('problem' in parsed) errors.add(row, 'BAD_DATE', parsed.problem, col);
    return 'date' in parsed ? parsed.date : undefined;
  };
  const cluster = (): string | undefined => {
    const v = need('cluster');
    if (v === undefined) return undefined;
    const code = parseClusterCode(v);
    if (!code) errors.add(row, 'BAD_CLUSTER', `"${v}" is not a cluster code (letters, digits, - and _, e.g. K01).`, 'cluster');
    return code;
  };
  const kind = cells.record?.toLowerCase();
  switch (kind) {
    case 'campaign':
      return readCampaign(row, cells, errors, need, date);
    case 'school': {
      const [code, key, pos] = [cluster(), need('school'), need('position')];
      const position = pos === undefined ? undefined : parsePosition(pos);
      if (pos !== undefined && position === undefined) errors.add(row, 'BAD_POSITION', `"${pos}" is not a position: core, impact1, impact2, … (up to impact20).`, 'position');
      return code ? { kind, row, cluster: code, key, position } : undefined;
    }
    case 'meeting': {
      const [code, num] = [cluster(), need('number')];
      const number = num === undefined ? undefined : parseMeetingNumber(num);
      if (num !== undefined && number === undefined) errors.add(row, 'BAD_NUMBER', `"${num}" is not a meeting number (1 to 21).`, 'number');
      const d = date('date');
      return code ? { kind, row, cluster: code, number, date: d } : undefined;
    }
    case 'team': {
      const [code, email, r] = [cluster(), need('email'), need('team_role')];
      const role = r === undefined ? undefined : CampaignTeamRoleSchema.safeParse(r.toLowerCase()).data;
      if (r !== undefined && role === undefined) errors.add(row, 'BAD_TEAM_ROLE', `"${r}" is not a team role: ${CampaignTeamRoleSchema.options.join(', ')}.`, 'team_role');
      return code ? { kind, row, cluster: code, email: email?.toLowerCase(), role, name: cells.name } : undefined;
    }
    default:
      errors.add(row, 'UNKNOWN_RECORD', cells.record === undefined ? 'Every row needs a record: campaign, school, meeting or team.' : `"${cells.record}" is not a record: campaign, school, meeting or team.`, 'record');
      return undefined;
  }
}

function readCampaign(
  row: number,
  cells: Partial<Record<Column, string>>,
  errors: SheetErrors,
  need: (c: Column) => string | undefined,
  date: (c: Column) => string | undefined,
): CampaignRecord {
  const [title, start, end, regionId, organiser] = [need('title'), date('start'), date('end'), need('region'), need('organiser')];
  if (start && end && end < start) errors.add(row, 'BAD_PERIOD', `The campaign ends (${end}) before it starts (${start}).`, 'end');
  const timeZone = cells.time_zone ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) errors.add(row, 'BAD_TIME_ZONE', `"${timeZone}" is not an IANA time zone (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura).`, 'time_zone');
  const { materials, duplicates } = parseMaterials(cells.materials ?? '');
  for (const d of duplicates) errors.add(row, 'DUPLICATE_MATERIAL', `Material "${d}" is listed twice.`, 'materials');
  if (materials.length > 50) errors.add(row, 'TOO_LONG', 'At most 50 materials.', 'materials');
  if (materials.some((m) => m.title.length > 300)) errors.add(row, 'TOO_LONG', 'A material title has at most 300 characters.', 'materials');
  return { kind: 'campaign', row, title, start, end, materials, regionId, timeZone, organiser };
}
