// What a file is, from its first bytes, not from its name or the client's Content-Type.

export interface SniffedType {
  mimeType: string;
  extensions: readonly string[];
}

const PNG: SniffedType = { mimeType: 'image/png', extensions: ['png'] };
const JPEG: SniffedType = { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'] };
const PDF: SniffedType = { mimeType: 'application/pdf', extensions: ['pdf'] };
const XLSX: SniffedType = { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] };
const DOCX: SniffedType = { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] };
const CSV: SniffedType = { mimeType: 'text/csv', extensions: ['csv'] };

const startsWith = (b: Buffer, sig: number[]) => sig.every((x, i) => b[i] === x);

export function sniffMime(bytes: Buffer): SniffedType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // OOXML: a zip whose entry names reveal the kind; the local headers are near the start.
    const head = bytes.subarray(0, Math.min(bytes.length, 64 * 1024)).toString('latin1');
    if (head.includes('xl/')) return XLSX;
    if (head.includes('word/')) return DOCX;
    return undefined;
  }
  if (looksLikeCsv(bytes)) return CSV;
  return undefined;
}

/** Plain UTF-8 text, no control bytes, with at least one comma/semicolon-separated line. */
function looksLikeCsv(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  for (const b of sample) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return false;
  const text = sample.toString('utf8');
  if (text.includes('\ufffd')) return false;
  return /[,;\t]/.test(text.split(/\r?\n/)[0] ?? '');
}

/** A safe display name: no path parts, no control characters; undefined when it cannot be one. */
export function sanitizeFilename(name: string): string | undefined {
  if (!name || name.length > 255) return undefined;
  if (name.includes('/') || name.includes('\\') || name.includes('\0') || name.split(/[\\/]/).includes('..')) return undefined;
  if (name === '.' || name === '..' || name.startsWith('.')) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return undefined;
  return name.normalize('NFC');
}

export function extensionOf(name: string): string {
  const i = name.lastIndexOf('.');
  return i < 0 ? '' : name.slice(i + 1).toLowerCase();
}
