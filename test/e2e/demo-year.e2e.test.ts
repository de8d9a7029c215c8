// The demo budget year `npm start` plays through the API, in a database of its own: several
// schools of the demo region, programs in different stages running as workflows, expenditures
// under several BOSP components backed by receipts, statutory deadlines opened (some submitted,
// the rest overdue once their date has passed), and a second run that adds nothing.
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '@mutu/persistence';
import { playDemoYear } from '../../apps/cli/src/demo/demo-year';
import { DEMO_PROGRAMS, DEMO_REPORTING_SCHOOLS } from '../../apps/cli/src/demo/demo-year.plans';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { startTestStack, type TestStack } from '../support/stack';
import { until } from '../support/until';
import { openDb } from './api-helpers';

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
const YEAR = Number(today.slice(0, 4));

describe('the demo budget year', () => {
  let iso: IsolatedDatabase;
  let stack: TestStack;
  let db: DataSource;

  beforeAll(async () => {
    iso = await isolatedDatabase('mutu_demo_year');
    stack = await startTestStack({ DATABASE_URL: iso.url });
    db = await openDb(iso.url);
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
    await iso?.drop();
  });

  it('plays programs in several stages at several schools, with expenditures per BOSP component and statutory deadlines', async () => {
    const result = await playDemoYear({ baseUrl: stack.baseUrl, password: DEMO_PASSWORD, year: YEAR, today, trace: (l) => process.stdout.write(`${l}\n`) });
    const spentBefore = DEMO_PROGRAMS.filter((p) => p.stage === 'execute')
      .flatMap((p) => p.activities.filter((a) => a.start && `${YEAR}-${a.from}` <= today).flatMap((a) => a.spend ?? []))
      .filter(([md]) => `${YEAR}-${md}` <= today);
    expect(result).toMatchObject({ played: true, programs: DEMO_PROGRAMS.length, expenditures: spentBefore.length });

    const programs: { school_id: string; stage: string; title: string }[] = await db.query('SELECT school_id, stage, title FROM programs WHERE budget_year = $1', [YEAR]);
    expect(programs.map((p) => p.title).sort()).toEqual(DEMO_PROGRAMS.map((p) => p.title).sort());
    expect(new Set(programs.map((p) => p.school_id)).size).toBe(6);
    expect(new Set(programs.map((p) => p.stage))).toEqual(new Set(['plan', 'assign', 'execute']));

    const spent: { component: string; n: string; total: string }[] = await db.query(
      `SELECT component, count(*)::text AS n, sum(amount)::text AS total FROM realisation_expenditures
        WHERE budget_year = $1 AND evidence_sha256 IS NOT NULL GROUP BY component ORDER BY component`,
      [YEAR],
    );
    expect(spent.reduce((a, r) => a + Number(r.n), 0)).toBe(spentBefore.length);
    expect(spent.reduce((a, r) => a + Number(r.total), 0)).toBe(spentBefore.reduce((a, [, amount]) => a + amount, 0));

    const statutory: { status: string; due_date: string }[] = await db.query(
      `SELECT status, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM statutory_deadlines WHERE school_id = ANY($1::text[])`,
      [DEMO_REPORTING_SCHOOLS],
    );
    expect(statutory).toHaveLength(DEMO_REPORTING_SCHOOLS.length * 4);
    expect(statutory.filter((r) => r.status === 'submitted').length).toBeGreaterThanOrEqual(3);
    // Last year's reports are all due by now: the ones not submitted are overdue.
    expect(statutory.filter((r) => r.status === 'open' && r.due_date < today).length).toBeGreaterThanOrEqual(DEMO_REPORTING_SCHOOLS.length);

    // The execute stage's deadlines come from the workflows' schedules: an activity whose window is over is overdue.
    const endedWindows = DEMO_PROGRAMS.filter((p) => p.stage === 'execute').flatMap((p) => p.activities).filter((a) => `${YEAR}-${a.to}` < today);
    if (endedWindows.length > 0) {
      await until('an overdue demo program', async () => Number((await db.query('SELECT count(*) AS n FROM programs WHERE budget_year = $1 AND next_due_date < $2::date', [YEAR, today]))[0].n) > 0, 30_000);
    }
  }, 300_000);

  it('a second run adds nothing', async () => {
    const count = async () => Number((await db.query('SELECT count(*) AS n FROM events'))[0].n);
    const before = await count();
    expect(await playDemoYear({ baseUrl: stack.baseUrl, password: DEMO_PASSWORD, year: YEAR, today })).toMatchObject({ played: false, programs: 0 });
    expect(await count()).toBe(before);
  });
});
