// .xlsx → rows of text, through exceljs. Only the first worksheet is read (the sheet format is one
// sheet); cells come back as the text the organiser typed, dates as YYYY-MM-DD.
import ExcelJS from 'exceljs';

type Cell = ExcelJS.CellValue;

/** Reads the first worksheet; row i of the result is spreadsheet row i + 1 (empty rows kept). */
export async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

export function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as Cell);
  if ('error' in value) return value.error;
  if ('result' in value) return cellText(value.result as Cell);
  return '';
}

/** exceljs gives a date cell as the UTC instant of its wall-clock value: its UTC date is the date. */
function isoDate(d: Date): string {
  // A date typed without a time can come back a few milliseconds short of midnight.
  return new Date(d.getTime() + 500).toISOString().slice(0, 10);
}
