// The education office's dashboard over HTTP, on a database of its own: a region of three schools
// whose programs are recorded through the event store (so every projector runs, as in the append
// activity), deadlines as the deadline activity writes them, and the counts asserted against
// figures worked out here from the fixtures; again after `projections rebuild`; the XLSX read back.
import ExcelJS from 'exceljs';
import { budgetComponentOf, type ProgramCommand } from '@mutu/domain';
import { createProgram, happyPath, makeActor, validPlan } from '@mutu/domain/testing';
import { coreProjectors, EventStore, snapshotReadModels } from '@mutu/persistence';
import type { DataSource } from 'typeorm';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { recordProgram } from '../support/record-program';
import { startTestStack, type TestStack } from '../support/stack';
import { http, loginAll, openDb } from './api-helpers';
import { DASH_REGION, seedDashboardRegion } from './dashboard-helpers';

describe('education office dashboard (read model counts, filters, XLSX)', () => {
  let stack: TestStack;
  let iso: IsolatedDatabase;
  let db: DataSource;
  let store: EventStore;
  let t: Awaited<ReturnType<typeof loginAll>>;
  let district: string;
  const plan = validPlan(2);
  const dashboard = async (query = '') => {
    const r = await http(stack, district, 'GET', `/dashboard/region?budgetYear=2025${query}`);
    if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  beforeAll(async () => {
    iso = await isolatedDatabase('mutu_dashboard');
    stack = await startTestStack({ DATABASE_URL: iso.url });
    db = await openDb(iso.url);
    store = new EventStore(db, coreProjectors());
    t = await loginAll(stack);
    ({ district } = await seedDashboardRegion(stack, db, t.admin));
    // p-closed: the whole lifecycle at sch-1 (signed off, every activity realised at its plan);
    // p-exec: in execution at sch-1; p-smp: a plan at sch-3.
    const h = happyPath(2);
    await recordProgram(store, 'p-closed', [...h.plan, ...h.assign, ...h.execute, ...h.document, ...h.report] as ProgramCommand[]);
    await recordProgram(store, 'p-exec', [...h.plan, ...h.assign] as ProgramCommand[]);
    const smpPrincipal = makeActor('u-p3', ['principal'], { schoolIds: ['sch-3'] });
    await recordProgram(store, 'p-smp', [createProgram({ schoolId: 'sch-3' }, smpPrincipal)]);
    // Open deadlines as the deadline activity writes them: p-exec one overdue, one due in 3 days,
    // one in 20 days; p-smp one due today.
    const deadline = (program: string, key: string, school: string, days: number) =>
      db.query(
        `INSERT INTO deadlines (program_id, deadline_key, stage, school_id, budget_year, due_date, owner_role, reminders, escalations, policy_version)
         VALUES ($1, $2, 'execute', $3, 2025, (now() AT TIME ZONE 'Asia/Jakarta')::date + $4::int, 'staff', '[]', '[]', 1)`,
        [program, key, school, days],
      );
    await deadline('p-exec', 'a', 'sch-1', -3);
    await deadline('p-exec', 'b', 'sch-1', 3);
    await deadline('p-exec', 'c', 'sch-1', 20);
    await deadline('p-smp', 'a', 'sch-3', 0);
  }, 180_000);

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
    await iso?.drop();
  });

  // Per component: planned of the three programs, realised of p-closed (each activity at its plan).
  const expectedComponents = () => {
    const out = new Map<string, { planned: number; realised: number }>();
    for (const a of plan.activities) {
      const c = out.get(budgetComponentOf(a.budget)) ?? { planned: 0, realised: 0 };
      out.set(budgetComponentOf(a.budget), { planned: c.planned + 3 * a.budget.amount, realised: c.realised + a.budget.amount });
    }
    return [...out.entries()].map(([code, v]) => ({ code, ...v, percent: Math.round((v.realised / v.planned) * 1000) / 10 }));
  };

  it('counts stages, overdue and soon-due deadlines, sign-offs and realisation per component from the read model', async () => {
    const d = await dashboard();
    expect(d.counters).toEqual({
      schools: 3, programs: 3, overdueDeadlines: 1, programsOverdue: 1, dueWithin7Days: 2, signedOff: 1,
      byStage: { plan: 1, assign: 0, execute: 1, document: 0, report: 0, closed: 1, cancelled: 0 },
    });
    expect(d.components.map(({ code, planned, realised, percent }: Record<string, unknown>) => ({ code, planned, realised, percent }))).toEqual(expectedComponents());
    const sch1 = d.schools.find((s: { schoolId: string }) => s.schoolId === 'sch-1');
    expect(sch1).toMatchObject({ subDistrict: 'Jatinegara', overdue: 1, dueWithin7Days: 1, signedOff: 1, byStage: { closed: 1, execute: 1 } });
    expect(sch1.programs.map((p: { programId: string; stage: string }) => [p.programId, p.stage])).toEqual([['p-closed', 'closed'], ['p-exec', 'execute']]);
    expect(d.schools.find((s: { schoolId: string }) => s.schoolId === 'sch-2')).toMatchObject({ programs: [], planned: 0, percent: null });
    expect(d.choices).toEqual({ subDistricts: ['Cakung', 'Jatinegara'], levels: ['SD', 'SMP'] });
  });

  it('filters by school level and sub-district and drills down to one school', async () => {
    const smp = await dashboard('&level=SMP');
    expect([smp.counters.schools, smp.counters.programs, smp.counters.dueWithin7Days, smp.counters.byStage.plan]).toEqual([1, 1, 1, 1]);
    const cakung = await dashboard('&subDistrict=Cakung');
    expect([cakung.counters.schools, cakung.counters.programs]).toEqual([1, 0]);
    const jatinegaraSd = await dashboard('&subDistrict=Jatinegara&level=SD');
    expect(jatinegaraSd.schools.map((s: { schoolId: string }) => s.schoolId)).toEqual(['sch-1']);
    expect(jatinegaraSd.counters.programs).toBe(2);
    const one = await dashboard('&schoolId=sch-3');
    expect(one.schools.map((s: { schoolId: string }) => s.schoolId)).toEqual(['sch-3']);
    expect((await http(stack, district, 'GET', '/dashboard/region?schoolId=sch-sdn-cipinang-01')).status).toBe(404);
  });

  it('gives the same answer after the read models are rebuilt from the events', async () => {
    const before = await dashboard();
    // The dashboard's own tables (the deadlines inserted above were not announced to `programs`
    // as the deadline activity would, so its next due date is not compared).
    const ours = async () => (({ dashboard_programs, dashboard_components }) => ({ dashboard_programs, dashboard_components }))(await snapshotReadModels(db));
    const snapshot = await ours();
    await store.rebuildProjections();
    expect(await ours()).toEqual(snapshot);
    expect(snapshot.dashboard_programs).toHaveLength(3);
    expect(await dashboard()).toEqual(before);
  });

  it('exports the dashboard as XLSX that reads back with the same figures', async () => {
    const d = await dashboard();
    const r = await http(stack, district, 'GET', '/dashboard/region/xlsx?budgetYear=2025');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as never);
    const programs = wb.getWorksheet('Program')!;
    expect(programs.rowCount).toBe(1 + 3);
    const components = wb.getWorksheet('Komponen')!;
    const rows = components.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((row) => [row[1], row[3], row[4]])).toEqual(d.components.map((c: { code: string; planned: number; realised: number }) => [c.code, c.planned, c.realised]));
    const summary = wb.getWorksheet('Ringkasan')!;
    expect(summary.getCell('B9').value).toBe(1); // overdue deadlines
  });

  it('is the education office\'s: other roles 403, another region 404, bad filters 400', async () => {
    expect((await http(stack, t.principal, 'GET', '/dashboard/region')).status).toBe(403);
    expect((await http(stack, t.district, 'GET', `/dashboard/region?regionId=${DASH_REGION}`)).status).toBe(404);
    expect((await http(stack, t.district, 'GET', '/dashboard/region')).body.regionId).toBe('reg-jaktim');
    expect((await http(stack, t.admin, 'GET', `/dashboard/region?regionId=${DASH_REGION}&budgetYear=2025`)).body.counters.programs).toBe(3);
    const bad = await http(stack, district, 'GET', '/dashboard/region?level=TK&budgetYear=abc');
    expect([bad.status, bad.body.issues.map((i: { path: string }) => i.path).sort()]).toEqual([400, ['budgetYear', 'level']]);
  });
});
