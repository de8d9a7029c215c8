import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { startTestStack, type TestStack } from '../support/stack';
import { EMAIL, PNG_BYTES, advance, createProgram, eventCount, evidenceForm, http, loginAll, openDb } from './api-helpers';

const MAX = 4096;

function storedFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

describe('API evidence upload: sniffed, size-limited, content-addressed', () => {
  let stack: TestStack;
  let db: DataSource;
  let t: Record<keyof typeof EMAIL, string>;
  let programId: string;
  const storageDir = mkdtempSync(join(tmpdir(), 'mutu-evidence-'));

  beforeAll(async () => {
    stack = await startTestStack({ STORAGE_DIR: storageDir, UPLOAD_MAX_BYTES: String(MAX) });
    db = await openDb();
    t = await loginAll(stack);
    programId = await createProgram(stack, t.principal);
    await advance(stack, t, programId, 'execute');
    expect((await http(stack, t.staff, 'POST', `/programs/${programId}/activities/act-1/start`, {})).status).toBe(200);
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  const upload = (form: FormData | string, headers: Record<string, string> = {}) =>
    http(stack, t.staff, 'POST', `/programs/${programId}/activities/act-1/evidence`, form, headers);

  it('refuses abuse with a clear 4xx and stores nothing', async () => {
    const before = await eventCount(db, programId);
    const cases: [string, FormData | string, number, string][] = [
      ['oversize', evidenceForm(Buffer.concat([PNG_BYTES, Buffer.alloc(MAX)]), 'besar.png'), 413, 'FILE_TOO_LARGE'],
      ['a PNG named .pdf', evidenceForm(PNG_BYTES, 'laporan.pdf'), 415, 'FILE_TYPE_MISMATCH'],
      ['a ../ filename', evidenceForm(PNG_BYTES, '../../etc/foto.png'), 400, 'INVALID_FILENAME'],
      ['a backslash path', evidenceForm(PNG_BYTES, '..\\foto.png'), 400, 'INVALID_FILENAME'],
      ['an empty file', evidenceForm(Buffer.alloc(0), 'kosong.png'), 400, 'EMPTY_FILE'],
      ['an executable', evidenceForm(Buffer.from('\x7fELF\x02\x01\x01\x00\x00\x00', 'latin1'), 'foto.png'), 415, 'UNSUPPORTED_FILE_TYPE'],
      ['an unknown kind', evidenceForm(PNG_BYTES, 'foto.png', 'selfie'), 400, 'VALIDATION_FAILED'],
    ];
    for (const [name, form, status, code] of cases) {
      const r = await upload(form);
      expect({ name, status: r.status, code: r.body.code }).toEqual({ name, status, code });
    }
    const noFile = new FormData();
    noFile.append('kind', 'photo');
    expect((await upload(noFile)).body.code).toBe('MISSING_FILE');
    expect((await upload(JSON.stringify({ kind: 'photo' }), { 'content-type': 'application/json' })).status).toBe(415);
    expect(storedFiles(storageDir)).toEqual([]);
    expect(await eventCount(db, programId)).toBe(before);
  });

  it('stores accepted files once by SHA-256 and records only the hash and metadata', async () => {
    const csv = Buffer.from('nama,hadir\nIbu Dewi,ya\nBapak Agus,ya\n');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const a = await upload(evidenceForm(csv, 'daftar-hadir.csv', 'attendance_list'), { 'idempotency-key': 'upload-csv-0001' });
    expect(a.status).toBe(201);
    const again = await upload(evidenceForm(csv, 'daftar-hadir.csv', 'attendance_list'), { 'idempotency-key': 'upload-csv-0001' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(a.body);
    const b = await upload(evidenceForm(pdf, 'notulen.pdf', 'minutes'));
    expect(b.status).toBe(201);
    const evidence = b.body.state.plan.activities[0].evidence;
    expect(evidence.map((e: { mimeType: string }) => e.mimeType)).toEqual(['text/csv', 'application/pdf']);
    expect(storedFiles(storageDir).sort()).toEqual(evidence.map((e: { sha256: string }) => e.sha256).sort());

    const withdrawn = await http(stack, t.staff, 'DELETE', `/programs/${programId}/activities/act-1/evidence/${evidence[1].sha256}`, { reason: 'salah unggah' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state.plan.activities[0].evidence).toHaveLength(1);
  });
});
