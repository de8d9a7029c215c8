// The admin console's API against a database of its own (it creates regions, schools and users and
// changes national days off): directory imports validated row by row (all rows or none), the
// decreed national days off, and deadline policies per region.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DEADLINE_POLICY } from '@mutu/calendar';
import { seedNationalDaysOff } from '@mutu/persistence';
import type { DataSource } from 'typeorm';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { startTestStack, type TestStack } from '../support/stack';
import { eventCount, http, openDb } from './api-helpers';

const EXAMPLES = join(__dirname, '../../docs/examples/admin');
const sheet = (name: string) => readFileSync(join(EXAMPLES, name));

function form(bytes: Buffer | string, filename: string, dryRun?: string): FormData {
  const f = new FormData();
  if (dryRun !== undefined) f.append('dryRun', dryRun);
  f.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), filename);
  return f;
}

describe('Admin console API: directory imports, national days off, deadline policies per region', () => {
  let iso: IsolatedDatabase;
  let stack: TestStack;
  let db: DataSource;
  let admin: string;
  const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const upload = (kind: string, body: FormData) => http(stack, admin, 'POST', `/admin/import/${kind}`, body);

  beforeAll(async () => {
    iso = await isolatedDatabase('mutu_admin_console');
    stack = await startTestStack({ DATABASE_URL: iso.url });
    db = await openDb(iso.url);
    admin = await stack.login('admin@demo.mutu.id');
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
    await iso?.drop();
  });

  it('imports regions: a dry run writes nothing, the import writes all rows with one admin event, a second run is refused row by row', async () => {
    const [regions, events] = [await count('regions'), await eventCount(db)];
    const dry = await upload('regions', form(sheet('wilayah.csv'), 'wilayah.csv', 'true'));
    expect([dry.status, dry.body.created, dry.body.count]).toEqual([200, false, 1]);
    expect([await count('regions'), await eventCount(db)]).toEqual([regions, events]);

    const done = await upload('regions', form(sheet('wilayah.csv'), 'wilayah.csv'));
    expect([done.status, done.body.rows]).toEqual([201, [{ row: 2, id: 'reg-bekasi', name: 'Kota Bekasi' }]]);
    expect(await count('regions')).toBe(regions + 1);
    const [event] = await db.query(`SELECT type, data FROM events WHERE stream_id = 'admin' ORDER BY version DESC LIMIT 1`);
    expect(event.type).toBe('DirectoryImported');
    expect(JSON.parse(typeof event.data === 'string' ? event.data : JSON.stringify(event.data))).toMatchObject({ kind: 'regions', count: 1, filename: 'wilayah.csv', regions: ['reg-bekasi'] });

    const again = await upload('regions', form(sheet('wilayah.csv'), 'wilayah.csv'));
    expect([again.status, again.body.code]).toEqual([422, 'IMPORT_INVALID']);
    expect(again.body.errors).toEqual([expect.objectContaining({ row: 2, column: 'Kode Wilayah', code: 'ALREADY_EXISTS' }), expect.objectContaining({ row: 2, column: 'Nama Wilayah', code: 'ALREADY_EXISTS' })]);
  });

  it('refuses a school sheet with any bad row, listing each with its row and column, and creates no school', async () => {
    const [schools, events] = [await count('schools'), await eventCount(db)];
    const bad = 'NPSN,Nama Sekolah,Bentuk Pendidikan,Kabupaten/Kota,Pengawas Email\n69990101,SD Baik,SD,Kota Bekasi,\n6999,SD Pendek,SD,Kota Bekasi,\n69990103,SD Jauh,SD,Kota Entah,\n69990104,SD Pengawas,SD,Kota Bekasi,admin@demo.mutu.id\n';
    const r = await upload('schools', form(bad, 'sekolah.csv'));
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [3, 'NPSN', 'BAD_NPSN'],
      [4, 'Kabupaten/Kota', 'UNKNOWN_REGION'],
      [5, 'Pengawas Email', 'NOT_A_SUPERVISOR'],
    ]);
    expect([await count('schools'), await eventCount(db)]).toEqual([schools, events]);
  });

  it('imports a supervisor, then schools with their sub-district and assigned supervisors, then the staff of a Dapodik GTK export', async () => {
    expect((await upload('users', form(sheet('pengawas.csv'), 'pengawas.csv'))).status).toBe(201);
    const schools = await upload('schools', form(sheet('sekolah.csv'), 'sekolah.csv'));
    expect([schools.status, schools.body.count]).toEqual([201, 3]);
    const listed = (await http(stack, admin, 'GET', '/admin/schools')).body.find((s: { schoolId: string }) => s.schoolId === 'sch-69990001');
    expect(listed).toMatchObject({ npsn: '69990001', regionId: 'reg-bekasi', level: 'SD', subDistrict: 'Bekasi Timur' });
    const assigned = await db.query(`SELECT s.school_id, u.email FROM school_supervisors s JOIN users u USING (user_id) WHERE s.school_id LIKE 'sch-6999%' ORDER BY s.school_id`);
    expect(assigned.map((a: { school_id: string; email: string }) => [a.school_id, a.email])).toEqual([
      ['sch-69990001', 'sri.wahyuni@bekasi.mutu.id'],
      ['sch-69990002', 'sri.wahyuni@bekasi.mutu.id'],
    ]);

    const staff = await upload('users', form(sheet('gtk.csv'), 'gtk.csv'));
    expect([staff.status, staff.body.count]).toEqual([201, 5]);
    const users = await db.query(`SELECT email, roles, school_ids, must_change_password FROM users WHERE email LIKE '%@bekasi.mutu.id' ORDER BY email`);
    expect(users.map((u: { email: string; roles: string[]; school_ids: string[]; must_change_password: boolean }) => [u.email.split('@')[0], u.roles, u.school_ids, u.must_change_password])).toEqual([
      ['agus.setiawan', ['staff', 'qa_team'], ['sch-69990001'], true],
      ['bambang.haryono', ['committee'], ['sch-69990001'], true],
      ['dedi.kurniawan', ['staff'], ['sch-69990001'], true],
      ['rina.marlina', ['staff'], ['sch-69990001'], true],
      ['siti.rahmawati', ['principal'], ['sch-69990001'], true],
      ['sri.wahyuni', ['supervisor'], [], true],
    ]);
    // No imported account can sign in until the admin sets a temporary password, which must be changed.
    const reset = await http(stack, admin, 'POST', '/admin/users/u-6543210987654321/password-reset', { temporaryPassword: 'Sementara-Bekasi-2026' });
    expect(reset.status).toBe(200);
    const login = await http(stack, undefined, 'POST', '/auth/login', { email: 'siti.rahmawati@bekasi.mutu.id', password: 'Sementara-Bekasi-2026' });
    expect([login.status, login.body.mustChangePassword]).toEqual([200, true]);
  });

  it('answers 400 at the field for a missing file, a bad dry-run flag or a file that is not a sheet, creating nothing', async () => {
    const events = await eventCount(db);
    const noFile = new FormData();
    noFile.append('dryRun', 'true');
    const cases: [string, FormData, string][] = [
      ['users', noFile, 'file'],
      ['schools', form(sheet('sekolah.csv'), 'sekolah.csv', 'maybe'), 'dryRun'],
      ['regions', form('%PDF-1.4', 'wilayah.pdf'), 'file'],
    ];
    for (const [kind, body, path] of cases) {
      const r = await upload(kind, body);
      expect({ kind, status: r.status, paths: r.body.issues?.map((i: { path: string }) => i.path) }).toEqual({ kind, status: 400, paths: [path] });
    }
    expect(await eventCount(db)).toBe(events);
  });

  it('loads the decreed national days off of a year, idempotently, and refuses a year the data does not have', async () => {
    const listed = await http(stack, admin, 'GET', '/admin/days-off?year=2026&regionId=reg-bekasi');
    const leave = listed.body.filter((d: { kind: string }) => d.kind === 'collective_leave');
    // The demo seed (run at boot) loaded them already; remove one and load the year again.
    expect(leave.map((d: { date: string }) => d.date)).toEqual(['2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24']);
    expect((await http(stack, admin, 'DELETE', `/admin/days-off/${leave[7].dayOffId}`)).status).toBe(204);
    // The automatic load (every migration run, the demo seed) does a year once: the removal stays.
    expect(await seedNationalDaysOff(db, 2026, 'system', { oncePerYear: true })).toMatchObject({ collectiveLeaveAdded: [], holidaysAdded: [] });
    expect(await db.query(`SELECT 1 FROM days_off WHERE date = '2026-12-24'`)).toEqual([]);
    const seeded = await http(stack, admin, 'POST', '/admin/national-days-off/2026');
    expect([seeded.status, seeded.body.collectiveLeaveAdded, seeded.body.decree]).toEqual([200, ['2026-12-24'], expect.stringContaining('Nomor 1497 Tahun 2025')]);
    const twice = await http(stack, admin, 'POST', '/admin/national-days-off/2026');
    expect([twice.body.collectiveLeaveAdded, twice.body.holidaysAdded]).toEqual([[], []]);
    const unknown = await http(stack, admin, 'POST', '/admin/national-days-off/2031');
    expect([unknown.status, unknown.body.code]).toEqual([422, 'NO_DECREE_DATA']);
    const badYear = await http(stack, admin, 'POST', '/admin/national-days-off/20x6');
    expect([badYear.status, badYear.body.issues?.[0]?.path]).toEqual([400, 'year']);
    const badQuery = await http(stack, admin, 'GET', '/admin/days-off?year=soon&regionId=a%20b');
    expect([badQuery.status, badQuery.body.issues.map((i: { path: string }) => i.path).sort()]).toEqual([400, ['regionId', 'year']]);
  });

  it('sets a deadline policy for one region: a new version for that region only, validated field by field', async () => {
    const before = await http(stack, admin, 'GET', '/admin/deadline-policies?regionId=reg-bekasi');
    expect([before.status, before.body.ownVersion, before.body.inForce.report.dueBy]).toEqual([200, false, '12-15']);
    const { version: _v, ...policy } = DEFAULT_DEADLINE_POLICY;
    const events = await eventCount(db);
    const bad = await http(stack, admin, 'PUT', '/admin/deadline-policies', { regionId: 'reg-bekasi', note: 'x', policy: { ...policy, report: { ...policy.report, dueBy: '02-30' } }, extra: 1 });
    expect([bad.status, bad.body.issues.map((i: { path: string }) => i.path).sort()]).toEqual([400, ['extra', 'policy.report.dueBy']]);
    const unknown = await http(stack, admin, 'PUT', '/admin/deadline-policies', { regionId: 'reg-nowhere', note: 'x', policy });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'UNKNOWN_REGION']);
    expect(await eventCount(db)).toBe(events);

    const set = await http(stack, admin, 'PUT', '/admin/deadline-policies', { regionId: 'reg-bekasi', note: 'SK Kadisdik Bekasi 7/2026', policy: { ...policy, report: { ...policy.report, dueBy: '12-01' } } });
    expect(set.status).toBe(200);
    expect(set.body.policy.version).toBeGreaterThan(1);
    const after = await http(stack, admin, 'GET', '/admin/deadline-policies?regionId=reg-bekasi');
    expect([after.body.ownVersion, after.body.inForce.report.dueBy, after.body.versions[0].note]).toEqual([true, '12-01', 'SK Kadisdik Bekasi 7/2026']);
    const other = await http(stack, admin, 'GET', '/admin/deadline-policies?regionId=reg-jaktim');
    expect(other.body.inForce.report.dueBy).toBe('12-15');
    expect(await eventCount(db)).toBe(events + 1);
  });
});
