import ExcelJS from 'exceljs';
import { parseCsv } from './csv';
import { readSheet, SheetReadError } from './read-sheet';

const csv = (text: string) => readSheet(Buffer.from(text, 'utf8'), 'kampanye.csv');

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return e instanceof SheetReadError ? e.code : `unexpected ${String(e)}`;
  }
}

describe('readSheet: CSV (RFC 4180)', () => {
  it('reads quoted fields with commas, line breaks and doubled quotes as one row each', async () => {
    const rows = await csv('record,name\r\nteam,"Dr. Hadi, M.Pd."\r\nteam,"baris\nkedua"\r\nteam,"kata ""mutu"""\r\n');
    expect(rows).toEqual([['record', 'name'], ['team', 'Dr. Hadi, M.Pd.'], ['team', 'baris\nkedua'], ['team', 'kata "mutu"']]);
  });

  it('drops a UTF-8 BOM, keeps empty rows (row numbers stay those of the sheet) and needs no final line break', async () => {
    const rows = await csv('\ufeffrecord,cluster\n\ncampaign,\nschool,K01');
    expect(rows).toEqual([['record', 'cluster'], [''], ['campaign', ''], ['school', 'K01']]);
  });

  it('accepts LF, CRLF and CR line ends alike', () => {
    expect(parseCsv('a,b\nc,d\r\ne,f\rg,h\n')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  });

  it('keeps an empty quoted last field and non-ASCII text', () => {
    expect(parseCsv('SD Negeri Cakung Barat 01,""')).toEqual([['SD Negeri Cakung Barat 01', '']]);
    expect(parseCsv('Pendampingan – “Budaya Mutu”')).toEqual([['Pendampingan – “Budaya Mutu”']]);
  });

  it('refuses an unclosed quote, text after a closing quote and non-UTF-8 bytes as UNREADABLE_FILE', async () => {
    expect(await codeOf(csv('record,name\nteam,"never closed\n'))).toBe('UNREADABLE_FILE');
    expect(await codeOf(csv('record,name\nteam,"Hadi"x\n'))).toBe('UNREADABLE_FILE');
    expect(await codeOf(readSheet(Buffer.from([0x72, 0x65, 0xff, 0xfe, 0x0a]), 'a.csv'))).toBe('UNREADABLE_FILE');
  });

  it('refuses other extensions as UNSUPPORTED_FILE', async () => {
    expect(await codeOf(readSheet(Buffer.from('a,b'), 'kampanye.xls'))).toBe('UNSUPPORTED_FILE');
    expect(await codeOf(readSheet(Buffer.from('a,b'), 'kampanye'))).toBe('UNSUPPORTED_FILE');
  });
});

describe('readSheet: XLSX', () => {
  async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('Kampanye'));
    wb.addWorksheet('Catatan').addRow(['ignored']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads the first sheet as text: numbers, dates as YYYY-MM-DD, rich text, formulas by result, empty rows kept', async () => {
    const buffer = await workbook((ws) => {
      ws.addRow(['record', 'school', 'number', 'date']);
      ws.addRow(['school', 20110001, 1, new Date(Date.UTC(2027, 8, 6))]);
      ws.getRow(4).values = [{ richText: [{ text: 'mee' }, { text: 'ting' }] }, { formula: '1+1', result: 2 }, undefined, '2027-11-30'];
    });
    expect(await readSheet(buffer, 'Kampanye.XLSX')).toEqual([
      ['record', 'school', 'number', 'date'],
      ['school', '20110001', '1', '2027-09-06'],
      [],
      ['meeting', '2', '', '2027-11-30'],
    ]);
  });

  it('refuses a file that is not a workbook, or a damaged one, as UNREADABLE_FILE', async () => {
    expect(await codeOf(readSheet(Buffer.from('record,cluster\n'), 'a.xlsx'))).toBe('UNREADABLE_FILE');
    const good = await workbook((ws) => ws.addRow(['record']));
    expect(await codeOf(readSheet(good.subarray(0, good.length / 2), 'a.xlsx'))).toBe('UNREADABLE_FILE');
  });
});
