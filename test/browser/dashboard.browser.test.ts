// The education office's dashboard in a real Chromium (a database of its own): the district
// officer reads the region's counters and school × stage matrix, filters by level, drills down to
// a school and on to a program, exports the XLSX (read back), and starts a program template at two
// schools; Bahasa Indonesia at laptop width, English at 360 px; axe finds nothing serious.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { ProgramCommand } from '@mutu/domain';
import { createProgram, happyPath, makeActor } from '@mutu/domain/testing';
import { coreProjectors, EventStore } from '@mutu/persistence';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { recordProgram } from '../support/record-program';
import { startTestStack, type TestStack } from '../support/stack';
import { until } from '../support/until';
import { loginAll, openDb } from '../e2e/api-helpers';
import { seedDashboardRegion } from '../e2e/dashboard-helpers';
import { LAPTOP, launchBrowser, screenshot } from './support/browser';
import { expectAccessible, expectNoSidewaysScroll, NARROW, signInWithLanguage } from './support/checks';
import { pageShowsNoRawError } from './support/ui';
import { ensureWebBuilt } from './support/web-build';

jest.setTimeout(300_000);
const DISTRICT = 'dinas.uji@demo.mutu.id';

describe('web UI: the education office dashboard', () => {
  let stack: TestStack;
  let iso: IsolatedDatabase;
  let db: DataSource;
  let browser: Browser;
  const open: Page[] = [];

  beforeAll(async () => {
    await ensureWebBuilt();
    iso = await isolatedDatabase('mutu_dashboard_ui');
    stack = await startTestStack({ DATABASE_URL: iso.url });
    db = await openDb(iso.url);
    browser = await launchBrowser();
    await seedDashboardRegion(stack, db, (await loginAll(stack)).admin);
    const store = new EventStore(db, coreProjectors());
    const h = happyPath(2);
    await recordProgram(store, 'p-closed', [...h.plan, ...h.assign, ...h.execute, ...h.document, ...h.report] as ProgramCommand[]);
    await recordProgram(store, 'p-exec', [...h.plan, ...h.assign] as ProgramCommand[]);
    await recordProgram(store, 'p-smp', [createProgram({ schoolId: 'sch-3', title: 'Program SMP 2025' }, makeActor('u-p3', ['principal'], { schoolIds: ['sch-3'] }))]);
    await db.query(
      `INSERT INTO deadlines (program_id, deadline_key, stage, school_id, budget_year, due_date, owner_role, reminders, escalations, policy_version)
       VALUES ('p-exec', 'a', 'execute', 'sch-1', 2025, (now() AT TIME ZONE 'Asia/Jakarta')::date - 2, 'staff', '[]', '[]', 1)`,
    );
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await db?.destroy();
    await stack?.stop();
    await iso?.drop();
  });

  afterEach(async () => {
    for (const p of open.splice(0)) await p.context().close();
  });

  const signIn = async (lang: 'id' | 'en', size: typeof LAPTOP | typeof NARROW) => {
    const page = await signInWithLanguage(browser, stack.baseUrl, DISTRICT, lang, { ...size, acceptDownloads: true });
    open.push(page);
    return page;
  };

  it('counts, filters, drills down to a program and exports the region (Bahasa Indonesia, laptop)', async () => {
    const page = await signIn('id', LAPTOP);
    await page.getByRole('link', { name: 'Dasbor' }).click();
    await page.getByLabel('Tahun anggaran').fill('2025');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByTestId('counter-programs').filter({ hasText: '3' }).waitFor();
    await page.getByTestId('counter-overdue').filter({ hasText: '1' }).waitFor();
    await page.getByTestId('counter-signed-off').filter({ hasText: '1' }).waitFor();
    expect(await page.getByTestId('dashboard-matrix').locator('tbody tr').count()).toBe(3);
    expect(await pageShowsNoRawError(page)).toBe(true);
    await screenshot(page, 'dashboard-01-region-id');
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-export').click()]);
    expect(download.suggestedFilename()).toBe('dasbor-reg-1-2025.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as never);
    expect(wb.getWorksheet('Program')!.rowCount).toBe(1 + 3);

    await page.getByLabel('Jenjang').selectOption('SMP');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByTestId('counter-programs').filter({ hasText: /^\s*1/ }).waitFor();
    expect(await page.getByTestId('dashboard-matrix').locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Jenjang').selectOption('');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByRole('link', { name: 'Lihat program: SD Negeri Uji 1' }).click();
    await page.getByRole('heading', { name: 'Program di SD Negeri Uji 1' }).waitFor();
    expect(await page.getByTestId('dashboard-programs').locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'dashboard-02-school-drill-down-id');
    await page.getByTestId('dashboard-programs').getByRole('link').first().click();
    await page.waitForURL(/\/app\/programs\/p-closed$/);
  });

  it('starts a program template at two schools (English, 360 px)', async () => {
    const page = await signIn('en', NARROW);
    await page.goto(`${stack.baseUrl}/app/dashboard?budgetYear=2026`);
    await page.getByTestId('dashboard-matrix').waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'dashboard-03-region-en-360');
    const form = page.getByTestId('template-form');
    await form.getByLabel('Template code').fill('ui-literacy-2026');
    await form.getByLabel('Program title').fill('School literacy movement 2026');
    await form.getByLabel('Activity').fill('Reading corner per class');
    await form.getByLabel('Budget (Rp)').fill('3000000');
    await form.getByLabel('SD Negeri Uji 1').check();
    await form.getByLabel('SD Negeri Uji 2').check();
    await form.getByRole('button', { name: 'Start at 2 schools' }).click();
    await page.getByTestId('template-result').filter({ hasText: 'Template ui-literacy-2026 started at 2 schools.' }).waitFor();
    await until('the two template programs', async () => Number((await db.query("SELECT count(*) AS n FROM programs WHERE program_id LIKE 'tpl-ui-literacy-2026-%'"))[0].n) === 2, 60_000);
    await page.reload();
    await page.getByTestId('counter-programs').filter({ hasText: '2' }).waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'dashboard-04-template-started-en-360');
  });
});
