// A spreadsheet file (.csv or .xlsx) → rows of text cells. Row i of the result is spreadsheet
// row i + 1, so the validator can name the rows the organiser sees.
import { extname } from 'node:path';
import { CsvSyntaxError, parseCsv } from './csv';
import { readXlsx } from './xlsx';

export type SheetReadErrorCode = 'UNSUPPORTED_FILE' | 'UNREADABLE_FILE' | 'TOO_MANY_ROWS';

export class SheetReadError extends Error {
  override readonly name = 'SheetReadError';
  constructor(
    readonly code: SheetReadErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Far above the largest campaign the domain accepts (2,000 clusters); stops runaway files early. */
export const MAX_SHEET_ROWS = 100_000;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function readSheet(buffer: Buffer, filename: string): Promise<string[][]> {
  const ext = extname(filename).toLowerCase();
  const rows = ext === '.csv' ? readCsv(buffer, filename) : ext === '.xlsx' ? await readWorkbook(buffer, filename) : unsupported(filename);
  if (rows.length > MAX_SHEET_ROWS) throw new SheetReadError('TOO_MANY_ROWS', `${filename} has ${rows.length} rows; at most ${MAX_SHEET_ROWS} are read.`);
  return rows;
}

function unsupported(filename: string): never {
  throw new SheetReadError('UNSUPPORTED_FILE', `${filename}: only .csv and .xlsx files can be imported.`);
}

function readCsv(buffer: Buffer, filename: string): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new SheetReadError('UNREADABLE_FILE', `${filename} is not UTF-8 text (save the CSV as "CSV UTF-8").`);
  }
  if (text.includes('\u0000')) throw new SheetReadError('UNREADABLE_FILE', `${filename} is not a text file.`);
  try {
    return parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new SheetReadError('UNREADABLE_FILE', `${filename}: ${e.message}.`);
    throw e;
  }
}

async function readWorkbook(buffer: Buffer, filename: string): Promise<string[][]> {
  if (buffer.length < 4 || !buffer.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new SheetReadError('UNREADABLE_FILE', `${filename} is not an .xlsx workbook.`);
  }
  try {
    return await readXlsx(buffer);
  } catch (e) {
    throw new SheetReadError('UNREADABLE_FILE', `${filename} could not be read as an .xlsx workbook (${e instanceof Error ? e.message : String(e)}).`);
  }
}
