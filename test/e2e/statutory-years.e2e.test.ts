// The worker's sweep opens every school's statutory reporting year, so a school whose people never
// open Mutu still gets its reminders: schools of a new region get their year's workflow and
// deadlines, a second sweep starts nothing, and last year's stays open until 30 June.
import { DataSource } from 'typeorm';
import { StatutoryYearsService, openBudgetYears } from '../../apps/worker/src/statutory/statutory-years.service';
import { startTestStack, type TestStack } from '../support/stack';
import { until } from '../support/until';

jest.setTimeout(180_000);

describe('statutory reporting years opened by the worker', () => {
  let stack: TestStack;
  let adminToken: string;
  const run = `${process.pid}-${Date.now().toString(36)}`;
  const region = `reg-sweep-${run}`;

  beforeAll(async () => {
    stack = await startTestStack();
    adminToken = await stack.login('admin@demo.mutu.id');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const admin = async (path: string, body: unknown) => {
    const res = await fetch(`${stack.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  };

  it('opens this year (and last year until 30 June) for every school without one, once', async () => {
    expect(openBudgetYears('2026-06-30')).toEqual([2025, 2026]);
    expect(openBudgetYears('2026-07-01')).toEqual([2026]);
    expect(openBudgetYears('2027-01-01')).toEqual([2026, 2027]);

    await admin('/admin/regions', { regionId: region, name: 'Kabupaten Uji Sapuan' });
    for (const n of [1, 2]) await admin('/admin/schools', { schoolId: `sch-sweep-${n}-${run}`, regionId: region, name: `SD Negeri Sapuan ${n}`, timeZone: 'Asia/Makassar' });
    const sweep = stack.worker.app.get(StatutoryYearsService);
    const now = new Date('2026-12-06T02:00:00Z');

    expect(await sweep.openMissing({ regionId: region, now })).toBe(2);
    const db = stack.api.get(DataSource);
    const rows = () =>
      db.query(`SELECT school_id, budget_year, report, to_char(due_date, 'YYYY-MM-DD') AS due FROM statutory_deadlines WHERE region_id = $1 ORDER BY school_id, report`, [region]);
    await until('both schools have their 2026 deadlines', async () => (await rows()).length === 4, 60_000);
    expect(await rows()).toEqual([
      { school_id: `sch-sweep-1-${run}`, budget_year: 2026, report: 'annual', due: '2027-01-31' },
      { school_id: `sch-sweep-1-${run}`, budget_year: 2026, report: 'stage_one', due: '2026-07-31' },
      { school_id: `sch-sweep-2-${run}`, budget_year: 2026, report: 'annual', due: '2027-01-31' },
      { school_id: `sch-sweep-2-${run}`, budget_year: 2026, report: 'stage_one', due: '2026-07-31' },
    ]);
    // The years are open: a second sweep starts nothing, and neither does one racing it.
    expect(await Promise.all([sweep.openMissing({ regionId: region, now }), sweep.openMissing({ regionId: region, now })])).toEqual([0, 0]);
    // A year opened late sends nothing that fell due before it opened (31 July's reminders).
    const streams = [1, 2].map((n) => `school-reporting-sch-sweep-${n}-${run}-2026`);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM notification_outbox WHERE program_id = ANY($1)`, [streams]);
    expect(n).toBe(0);
  });
});
