import { extensionOf, sanitizeFilename, sniffMime } from './mime-sniff';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('evidence MIME sniffing', () => {
  it('recognises PNG, JPEG, PDF, XLSX, DOCX and CSV by their bytes', () => {
    expect(sniffMime(PNG)?.mimeType).toBe('image/png');
    expect(sniffMime(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))?.mimeType).toBe('image/jpeg');
    expect(sniffMime(Buffer.from('%PDF-1.7\n'))?.mimeType).toBe('application/pdf');
    const zip = (entry: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(entry)]);
    expect(sniffMime(zip('xl/workbook.xml'))?.extensions).toEqual(['xlsx']);
    expect(sniffMime(zip('word/document.xml'))?.extensions).toEqual(['docx']);
    expect(sniffMime(Buffer.from('nama;hadir\nDewi;ya\n'))?.mimeType).toBe('text/csv');
  });

  it('refuses what it cannot vouch for: executables, plain zips, binary junk, prose', () => {
    expect(sniffMime(Buffer.from('\x7fELF\x02\x01', 'latin1'))).toBeUndefined();
    expect(sniffMime(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('payload.exe')]))).toBeUndefined();
    expect(sniffMime(Buffer.from([0, 1, 2, 3, 4]))).toBeUndefined();
    expect(sniffMime(Buffer.from('just a sentence without separators'))).toBeUndefined();
    expect(sniffMime(Buffer.from('<svg onload="x">,</svg>\u0000'))).toBeUndefined();
  });

  it('accepts plain names and refuses path parts, hidden files and control characters', () => {
    expect(sanitizeFilename('Daftar Hadir 12 Maret.pdf')).toBe('Daftar Hadir 12 Maret.pdf');
    for (const bad of ['../x.pdf', '..', 'a/b.pdf', 'a\\b.pdf', '.htaccess', 'x\u0000.pdf', 'x\n.pdf', '', 'a'.repeat(256)]) {
      expect(sanitizeFilename(bad)).toBeUndefined();
    }
    expect(extensionOf('Foto.JPG')).toBe('jpg');
    expect(extensionOf('noext')).toBe('');
  });
});
