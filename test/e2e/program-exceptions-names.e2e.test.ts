// Deadline extensions only move a deadline later (422 EXTENSION_NOT_LATER, nothing recorded), and
// names instead of ids: the people picker of a program's school and the directory of the users a
// program mentions, with its school's name and NPSN. Real stack: API, worker, Temporal, PostgreSQL.
import type { DataSource } from 'typeorm';
import { startTestStack, type TestStack } from '../support/stack';
import { until } from '../support/until';
import { EMAIL, SCHOOL, createProgram, eventCount, http, loginAll, openDb } from './api-helpers';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('deadline extensions and names (API)', () => {
  let stack: TestStack;
  let db: DataSource;
  let t: Record<keyof typeof EMAIL, string>;

  beforeAll(async () => {
    stack = await startTestStack();
    db = await openDb();
    t = await loginAll(stack);
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  it('refuses an extension to the current due date or earlier with 422 EXTENSION_NOT_LATER and records nothing', async () => {
    const programId = await createProgram(stack, t.principal);
    const get = () => http(stack, t.supervisor, 'GET', `/programs/${programId}`);
    await until('the plan deadline', async () => ((await get()).body.deadlines ?? []).length > 0, 60_000);
    const due: string = (await get()).body.deadlines[0].dueDate;
    const extend = (newDueDate: string) =>
      http(stack, t.supervisor, 'POST', `/programs/${programId}/deadlines/extend`, { stage: 'plan', newDueDate, reason: 'Banjir' });

    const before = await eventCount(db, programId);
    for (const date of [addDays(due, -7), due]) {
      const r = await extend(date);
      expect({ date, status: r.status, code: r.body.code, current: r.body.details?.currentDueDate }).toEqual({ date, status: 422, code: 'EXTENSION_NOT_LATER', current: due });
    }
    expect(await eventCount(db, programId)).toBe(before);
    expect((await get()).body.state.deadlineExtensions).toEqual([]);

    // A later date is granted; after it, even a date between the old and the new one is earlier.
    const later = addDays(due, 21);
    expect((await extend(later)).status).toBe(200);
    const between = await extend(addDays(due, 7));
    expect([between.status, between.body.code, between.body.details?.currentDueDate]).toEqual([422, 'EXTENSION_NOT_LATER', later]);
    const view = (await get()).body;
    expect(view.state.deadlineExtensions.map((e: { newDueDate: string }) => e.newDueDate)).toEqual([later]);
    expect(await eventCount(db, programId)).toBe(before + 1);
    // The program view lists the extension with the supervisor's name.
    expect(view.deadlines[0].extensions).toEqual([expect.objectContaining({ newDueDate: later, by: 'u-supervisor' })]);
    const [sup] = await db.query(`SELECT name FROM users WHERE user_id = 'u-supervisor'`);
    expect(view.people['u-supervisor']).toEqual({ name: sup.name, roles: ['supervisor'] });
  });

  it("lists the active users of the program's school by role, by name; out of scope is 404, a bad role 400", async () => {
    const programId = await createProgram(stack, t.principal);
    const staff = await http(stack, t.principal, 'GET', `/programs/${programId}/people?role=staff`);
    expect(staff.status).toBe(200);
    const expected: { user_id: string; name: string }[] = await db.query(
      `SELECT user_id, name FROM users WHERE NOT disabled AND $1 = ANY(school_ids) AND 'staff' = ANY(roles) ORDER BY name, user_id`,
      [SCHOOL],
    );
    expect(staff.body.schoolId).toBe(SCHOOL);
    expect(staff.body.items.map((p: { userId: string; name: string }) => [p.userId, p.name])).toEqual(expected.map((u) => [u.user_id, u.name]));
    expect(staff.body.items.map((p: { userId: string }) => p.userId)).toContain('u-staff');
    expect(staff.body.items.every((p: { roles: string[] }) => p.roles.includes('staff'))).toBe(true);

    const all = await http(stack, t.staff, 'GET', `/programs/${programId}/people`);
    expect(all.body.items.map((p: { userId: string }) => p.userId)).toEqual(expect.arrayContaining(['u-principal', 'u-qa', 'u-staff', 'u-committee-1']));
    // Supervisors belong to the region, not to the school; the other school's principal is not listed.
    expect(all.body.items.map((p: { userId: string }) => p.userId)).not.toEqual(expect.arrayContaining(['u-supervisor']));
    expect(all.body.items.map((p: { userId: string }) => p.userId)).not.toContain('u-principal-bdg');

    const foreign = await http(stack, t.otherPrincipal, 'GET', `/programs/${programId}/people?role=staff`);
    expect(foreign.status).toBe(404);
    for (const [query, path] of [['role=wizard', 'role'], ['role=staff&extra=1', 'extra'], ['role=supervisor', 'role']]) {
      const bad = await http(stack, t.principal, 'GET', `/programs/${programId}/people?${query}`);
      expect({ query, status: bad.status, paths: (bad.body.issues ?? []).map((i: { path: string }) => i.path) }).toEqual({ query, status: 400, paths: [path] });
    }

    const view = (await http(stack, t.principal, 'GET', `/programs/${programId}`)).body;
    const [school] = await db.query('SELECT name, npsn FROM schools WHERE school_id = $1', [SCHOOL]);
    expect(view.school).toEqual({ schoolId: SCHOOL, name: school.name, npsn: school.npsn });
    expect(view.people['u-principal']).toEqual(expect.objectContaining({ roles: ['principal'] }));

    // The school list of a program list: names and NPSN of the schools in scope, no others.
    const mine = await http(stack, t.principal, 'GET', '/schools');
    expect(mine.body.items).toEqual([{ schoolId: SCHOOL, name: school.name, npsn: school.npsn, regionId: 'reg-jaktim' }]);
    const region = await http(stack, t.supervisor, 'GET', '/schools');
    expect(region.body.items.map((s: { schoolId: string }) => s.schoolId)).toContain(SCHOOL);
    expect(region.body.items.every((s: { regionId: string }) => s.regionId === 'reg-jaktim')).toBe(true);
    expect((await http(stack, t.otherPrincipal, 'GET', '/schools')).body.items.map((s: { schoolId: string }) => s.schoolId)).not.toContain(SCHOOL);
  });
});
