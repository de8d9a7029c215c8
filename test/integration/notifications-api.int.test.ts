// The calendar, days-off and inbox routes on the real API (PostgreSQL, demo users).
import { startTestStack, type TestStack } from '../support/stack';
import { DataSource } from 'typeorm';

describe('calendar, days off and in-app inbox over HTTP', () => {
  let stack: TestStack;
  let admin: string;
  let principal: string;
  let staff: string;
  const day = `2026-03-${String(10 + (process.pid % 15)).padStart(2, '0')}`;

  beforeAll(async () => {
    stack = await startTestStack();
    [admin, principal, staff] = await Promise.all(['admin@demo.mutu.id', 'kepsek@demo.mutu.id', 'guru@demo.mutu.id'].map((e) => stack.login(e)));
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const call = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('an admin adds a school day off, it shows in the school calendar with the public holidays, and can be removed', async () => {
    const added = await call(admin, 'POST', '/admin/days-off', { date: day, kind: 'local', schoolId: 'sch-sdn-cipinang-01', name: 'Rapat kerja sekolah' });
    expect(added.status).toBe(201);
    const row = (await added.json()) as { dayOffId: string; date: string };
    expect(row.date).toBe(day);

    const cal = await call(principal, 'GET', '/calendar/schools/sch-sdn-cipinang-01/2026');
    expect(cal.status).toBe(200);
    const body = (await cal.json()) as { holidays: { date: string }[]; daysOff: { date: string }[]; timeZone: string };
    expect(body.holidays.map((h) => h.date)).toEqual(expect.arrayContaining(['2026-08-17', '2026-12-25']));
    expect(body.daysOff.map((d) => d.date)).toContain(day);
    expect(body.timeZone).toBe('Asia/Jakarta');

    expect((await call(admin, 'DELETE', `/admin/days-off/${row.dayOffId}`)).status).toBe(204);
    expect((await call(admin, 'DELETE', `/admin/days-off/${row.dayOffId}`)).status).toBe(404);
  });

  it('refuses days-off edits by a non-admin (403) and a bad body (400 with field paths)', async () => {
    expect((await call(principal, 'POST', '/admin/days-off', { date: day, kind: 'collective_leave', name: 'Cuti' })).status).toBe(403);
    const bad = await call(admin, 'POST', '/admin/days-off', { date: '2026-02-30', kind: 'local', name: '' });
    expect(bad.status).toBe(400);
    const issues = ((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(issues).toEqual(expect.arrayContaining(['date', 'name']));
  });

  it('answers 404 for a school outside the caller scope', async () => {
    expect((await call(principal, 'GET', '/calendar/schools/sch-sdn-coblong-03/2026')).status).toBe(404);
    expect((await call(principal, 'GET', '/calendar/schools/sch-sdn-cipinang-01/next')).status).toBe(400);
  });

  it('lists the caller’s in-app notifications rendered in Bahasa Indonesia', async () => {
    const ds = stack.worker.app.get(DataSource);
    const programId = `api-inbox-${process.pid}-${Date.now()}`;
    await ds.query(
      `INSERT INTO notifications (user_id, program_id, stage, kind, due_date, template, params, created_at)
       VALUES ('u-staff', $1, 'execute', 'execute:act-1:reminder:2', '2026-03-20', 'reminder', $2::jsonb, now())`,
      [programId, JSON.stringify({ programTitle: 'Literasi', stage: 'execute', dueDate: '2026-03-20', activityTitle: 'Pelatihan guru', offsetWorkingDays: 2 })],
    );
    const res = await call(staff, 'GET', '/me/notifications?limit=5');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { programId: string; subject: string; read: boolean }[] };
    const mine = items.find((i) => i.programId === programId)!;
    expect(mine).toMatchObject({ subject: 'Pengingat: batas waktu kegiatan "Pelatihan guru" (tahap pelaksanaan) 2 hari kerja lagi', read: false });
    const other = await call(principal, 'GET', '/me/notifications');
    expect(((await other.json()) as { items: { programId: string }[] }).items.some((i) => i.programId === programId)).toBe(false);
  });
});
