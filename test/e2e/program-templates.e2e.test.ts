// The education office starts one program template at three schools of its region (a database of
// its own): one program per school, started through the template's batch workflows; a repeated
// start creates nothing; each principal edits only their own school's plan. A school then starts
// next year's program from a closed one: the plan is copied, the execution is not.
import type { ProgramCommand } from '@mutu/domain';
import { happyPath } from '@mutu/domain/testing';
import { coreProjectors, EventStore } from '@mutu/persistence';
import type { DataSource } from 'typeorm';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { recordProgram } from '../support/record-program';
import { startTestStack, type TestStack } from '../support/stack';
import { until } from '../support/until';
import { http, loginAll, openDb, type HttpResult } from './api-helpers';
import { DASH_SCHOOLS, seedDashboardRegion } from './dashboard-helpers';

const TEMPLATE = 'literasi-2026';
const activity = (id: string, component: string, amount: number, month: string) => ({
  id, title: `Kegiatan ${id}`, kind: 'teacher_training', window: { start: `2026-${month}-02`, end: `2026-${month}-20` },
  budget: { line: component, amount, component }, location: 'Sekolah', requiredEvidence: ['photo', 'attendance_list'],
});
const templatePlan = { objectives: ['Literasi kelas awal'], standard: 'proses', indicators: ['80% siswa membaca lancar'], activities: [activity('a1', 'perpustakaan', 4_000_000, '03'), activity('a2', 'pembelajaran_ekstrakurikuler', 6_000_000, '08')] };
const body = (schoolIds: string[], extra: Record<string, unknown> = {}) => ({ templateId: TEMPLATE, title: 'Gerakan literasi sekolah 2026', budgetYear: 2026, plan: templatePlan, schoolIds, ...extra });

describe('program templates started across schools, and a plan copied from last year', () => {
  let stack: TestStack;
  let iso: IsolatedDatabase;
  let db: DataSource;
  let t: Awaited<ReturnType<typeof loginAll>>;
  let district: string;
  let principal: string;
  const ids = DASH_SCHOOLS.map((s) => s.schoolId);
  const programOf = (school: string) => `tpl-${TEMPLATE}-${school}`;
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);
  const ok = (r: HttpResult, status: number) => {
    if (r.status !== status) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  beforeAll(async () => {
    iso = await isolatedDatabase('mutu_templates');
    stack = await startTestStack({ DATABASE_URL: iso.url });
    db = await openDb(iso.url);
    t = await loginAll(stack);
    ({ district, principal } = await seedDashboardRegion(stack, db, t.admin));
  }, 180_000);

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
    await iso?.drop();
  });

  it('refuses other roles, schools outside the region, invalid plans and repeated schools before starting anything', async () => {
    expect((await http(stack, principal, 'POST', '/program-templates', body(['sch-1']))).status).toBe(403);
    const outside = await http(stack, district, 'POST', '/program-templates', body(['sch-1', 'sch-sdn-coblong-03']));
    expect([outside.status, outside.body.code, outside.body.details]).toEqual([404, 'SCHOOL_NOT_FOUND', { schoolId: 'sch-sdn-coblong-03' }]);
    const badPlan = await http(stack, district, 'POST', '/program-templates', body(['sch-1'], { budgetYear: 2027 }));
    expect([badPlan.status, badPlan.body.code]).toEqual([422, 'INVALID_PLAN']);
    const twice = await http(stack, district, 'POST', '/program-templates', body(['sch-1', 'sch-1']));
    expect([twice.status, twice.body.issues?.[0]?.path]).toEqual([400, 'schoolIds']);
    expect(await count("SELECT count(*) AS n FROM events WHERE stream_id LIKE 'template-%' OR stream_id LIKE 'program-tpl-%'")).toBe(0);
  });

  it('starts one program per school from the template, once, whoever repeats the start', async () => {
    const started = ok(await http(stack, district, 'POST', '/program-templates', body(ids)), 201);
    expect(started).toEqual({ templateId: TEMPLATE, workflowId: `template-${TEMPLATE}`, schools: 3, alreadyStarted: false });
    await until('the three template programs', async () => (await count("SELECT count(*) AS n FROM programs WHERE program_id LIKE 'tpl-%'")) === 3, 60_000);
    const rows: { program_id: string; school_id: string; stage: string; state: { plan: unknown; createdBy?: string } }[] =
      await db.query("SELECT program_id, school_id, stage, state FROM programs WHERE program_id LIKE 'tpl-%' ORDER BY program_id");
    expect(rows.map((r) => [r.program_id, r.school_id, r.stage])).toEqual(ids.map((s) => [programOf(s), s, 'plan']));
    for (const r of rows) expect(r.state.plan).toMatchObject({ objectives: templatePlan.objectives, activities: [{ id: 'a1', budget: { amount: 4_000_000 } }, { id: 'a2' }] });
    // The start itself is one event of the template's stream, by the district officer, signed by the API.
    const [start] = await db.query(`SELECT type, metadata FROM events WHERE stream_id = $1`, [`template-${TEMPLATE}`]);
    expect([start.type, start.metadata.actorId]).toEqual(['ProgramTemplateStarted', 'u-dinas-uji']);

    const again = ok(await http(stack, district, 'POST', '/program-templates', body(ids)), 201);
    expect(again.alreadyStarted).toBe(true);
    const admin = ok(await http(stack, t.admin, 'POST', '/program-templates', body(ids)), 201);
    expect(admin.alreadyStarted).toBe(true);
    expect(await count("SELECT count(*) AS n FROM events WHERE stream_id LIKE 'program-tpl-%'")).toBe(3);
    expect(await count('SELECT count(*) AS n FROM events WHERE stream_id = $1', [`template-${TEMPLATE}`])).toBe(1);
  });

  it("lets each principal edit their own school's plan only, and the dashboard follows", async () => {
    const edited = { ...templatePlan, activities: [{ ...templatePlan.activities[0], budget: { ...templatePlan.activities[0].budget, amount: 5_000_000 } }, templatePlan.activities[1]] };
    ok(await http(stack, principal, 'PUT', `/programs/${programOf('sch-1')}/plan`, { plan: edited }), 200);
    expect((await http(stack, principal, 'PUT', `/programs/${programOf('sch-2')}/plan`, { plan: edited })).status).toBe(404);
    const d = ok(await http(stack, district, 'GET', '/dashboard/region?budgetYear=2026'), 200);
    expect(d.counters.byStage.plan).toBe(3);
    const planned = Object.fromEntries(d.components.map((c: { code: string; planned: number }) => [c.code, c.planned]));
    expect(planned).toEqual({ perpustakaan: 5_000_000 + 2 * 4_000_000, pembelajaran_ekstrakurikuler: 3 * 6_000_000 });
  });

  it("starts next year's program from a closed one: the plan moved into that year, not the execution", async () => {
    const h = happyPath(2);
    await recordProgram(new EventStore(db, coreProjectors()), 'p-2025', [...h.plan, ...h.assign, ...h.execute, ...h.document, ...h.report] as ProgramCommand[]);
    const key = { 'idempotency-key': 'copy-p-2025-to-2026' };
    const copy = ok(await http(stack, principal, 'POST', '/programs/p-2025/copy', { budgetYear: 2026 }, key), 201);
    expect(copy.stage).toBe('plan');
    const old = h.plan[0] as Extract<ProgramCommand, { type: 'CreateProgram' }>;
    expect(copy.state.plan.activities.map((a: { id: string; window: unknown; budget: unknown; status: string; expenditures?: unknown[] }) => [a.id, a.window, a.budget, a.status, a.expenditures ?? []])).toEqual(
      old.payload.plan.activities.map((a) => [a.id, { start: a.window.start.replace('2025', '2026'), end: a.window.end.replace('2025', '2026') }, a.budget, 'planned', []]),
    );
    expect(copy.state.report.signedOffAt).toBeNull();
    const repeated = ok(await http(stack, principal, 'POST', '/programs/p-2025/copy', { budgetYear: 2026 }, key), 201);
    expect(repeated.programId).toBe(copy.programId);
    const same = await http(stack, principal, 'POST', '/programs/p-2025/copy', { budgetYear: 2025 });
    expect([same.status, same.body.code]).toEqual([422, 'SAME_BUDGET_YEAR']);
    expect((await http(stack, district, 'POST', '/programs/p-2025/copy', { budgetYear: 2026 })).status).toBe(403);
  });
});
