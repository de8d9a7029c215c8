// RFC 4180 CSV → rows of text. One record per spreadsheet row, so a quoted field with a line break
// inside stays one row and row numbers match what the organiser sees in their spreadsheet app.

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses comma-separated text (a leading UTF-8 BOM is dropped; CRLF, LF and CR end records). */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError(rows.length + 1, `row ${rows.length + 1}: text after a closing quote`);
        }
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i += 1;
    } else if (c === ',') {
      endField();
      i += 1;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else {
      // A stray quote inside an unquoted field is kept as text, as spreadsheet apps do.
      field += c;
      fieldStarted = true;
      i += 1;
    }
  }
  if (quoted) throw new CsvSyntaxError(rows.length + 1, `row ${rows.length + 1}: a quoted field is never closed`);
  // The last record needs no line break; a final line break does not start an empty record.
  if (field !== '' || fieldStarted || row.length > 0) endRow();
  return rows;
}
