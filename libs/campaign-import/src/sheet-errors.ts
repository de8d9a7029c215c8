// The validator's findings: stable codes, the 1-based spreadsheet row (header = row 1) and, when
// one cell is to blame, its column. Collected, never thrown, so one pass reports everything.

export const SHEET_ERROR_CODES = [
  'MISSING_HEADER',
  'UNKNOWN_COLUMN',
  'DUPLICATE_COLUMN',
  'UNKNOWN_RECORD',
  'MISSING_FIELD',
  'TOO_LONG',
  'MISSING_CAMPAIGN_ROW',
  'DUPLICATE_CAMPAIGN_ROW',
  'BAD_DATE',
  'BAD_PERIOD',
  'BAD_TIME_ZONE',
  'DUPLICATE_MATERIAL',
  'UNKNOWN_REGION',
  'BAD_CLUSTER',
  'UNKNOWN_SCHOOL',
  'DUPLICATE_SCHOOL',
  'BAD_POSITION',
  'DUPLICATE_POSITION',
  'POSITION_GAP',
  'MISSING_CORE_SCHOOL',
  'CLUSTER_TOO_SMALL',
  'BAD_NUMBER',
  'DUPLICATE_MEETING',
  'MEETING_COUNT',
  'MEETING_ORDER',
  'MEETING_OUTSIDE_PERIOD',
  'UNKNOWN_USER',
  'BAD_TEAM_ROLE',
  'DUPLICATE_TEAM_MEMBER',
  'MISSING_TEAM',
  'INVALID_SETUP',
  // Directory imports (regions, schools, staff)
  'BAD_ID',
  'BAD_NPSN',
  'BAD_EMAIL',
  'BAD_LEVEL',
  'BAD_STATUS',
  'BAD_NUMBER_ID',
  'UNKNOWN_ROLE',
  'DUPLICATE_ROW',
  'ALREADY_EXISTS',
  'NOT_A_SUPERVISOR',
] as const;
export type SheetErrorCode = (typeof SHEET_ERROR_CODES)[number];

export interface SheetError {
  row: number;
  column?: string;
  code: SheetErrorCode;
  message: string;
}

export class SheetErrors {
  private readonly list: SheetError[] = [];

  add(row: number, code: SheetErrorCode, message: string, column?: string): void {
    this.list.push(column === undefined ? { row, code, message } : { row, column, code, message });
  }

  get count(): number {
    return this.list.length;
  }

  /** In sheet order: by row, then in the order they were found. */
  sorted(): SheetError[] {
    return this.list.map((e, i) => ({ e, i })).sort((a, b) => a.e.row - b.e.row || a.i - b.i).map(({ e }) => e);
  }
}

/** `row 12 [school]: UNKNOWN_SCHOOL No school with NPSN or id 99999999.` */
export function formatSheetError(e: SheetError): string {
  return `row ${e.row}${e.column ? ` [${e.column}]` : ''}: ${e.code} ${e.message}`;
}
