// The statutory BOSP report deadlines on the principal's home page in a real Chromium at 360 px
// (Bahasa Indonesia): both reports with their status, the principal records the stage I report
// with the ARKAS export and the deadline closes; then in English beside the realisation report
// downloads of a program. Axe finds nothing serious; screenshots go to test-results/screenshots.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { startTestStack, type TestStack } from '../support/stack';
import { EMAIL, SCHOOL, createProgram, loginAll } from '../e2e/api-helpers';
import { launchBrowser, newPage, screenshot, seriousA11yViolations } from './support/browser';
import { openProgram, pageShowsNoRawError } from './support/ui';
import { signInWithLanguage } from './support/checks';
import { ensureWebBuilt } from './support/web-build';

jest.setTimeout(300_000);

const NARROW = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
const YEAR = Number(today.slice(0, 4));

/** The status the page must show for a report due on `due` (the API's rule, restated). */
function expectedStatus(due: string): string {
  const inAWeek = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  return today > due ? 'Terlambat' : inAWeek >= due ? 'Jatuh tempo dalam 7 hari' : 'Belum jatuh tempo';
}

describe('web UI: statutory BOSP report deadlines', () => {
  let iso: IsolatedDatabase;
  let stack: TestStack;
  let browser: Browser;
  let programId = '';
  const open: Page[] = [];

  beforeAll(async () => {
    await ensureWebBuilt();
    // Its own database: recording a submission closes the demo school's deadline for good.
    iso = await isolatedDatabase('mutu_statutory_browser');
    stack = await startTestStack({ DATABASE_URL: iso.url });
    browser = await launchBrowser();
    const t = await loginAll(stack);
    programId = await createProgram(stack, t.principal);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await iso?.drop();
  });

  afterEach(async () => {
    for (const p of open.splice(0)) await p.context().close();
  });

  async function as(email: string, lang: 'id' | 'en', size: Parameters<typeof newPage>[1]): Promise<Page> {
    const page = await signInWithLanguage(browser, stack.baseUrl, email, lang, size);
    open.push(page);
    return page;
  }

  it('the principal sees both reports on the home page and records the stage I report with the ARKAS export (Bahasa Indonesia, 360 px)', async () => {
    const page = await as(EMAIL.principal, 'id', NARROW);
    const section = page.getByTestId('statutory-deadlines');
    await section.getByTestId('statutory-stage_one').waitFor();
    expect(await section.getByRole('heading', { level: 3 }).innerText()).toContain(`Laporan wajib BOSP ${YEAR}`);
    expect(await section.innerText()).toContain('4% (1 April–25 Juni)');
    expect(await page.getByTestId('statutory-status-stage_one').innerText()).toBe(expectedStatus(`${YEAR}-07-31`));
    expect(await page.getByTestId('statutory-status-annual').innerText()).toBe(expectedStatus(`${YEAR + 1}-01-31`));

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('BOS-K7').addRow(['Ekspor ARKAS', SCHOOL, YEAR]);
    const file = join(mkdtempSync(join(tmpdir(), 'arkas-')), 'ekspor-arkas.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const form = page.getByTestId('statutory-form-stage_one');
    await form.getByLabel('Tanggal disampaikan lewat ARKAS').fill(`${YEAR}-01-15`);
    await form.getByLabel('Ekspor ARKAS (XLSX, PDF atau CSV)').setInputFiles(file);
    await form.getByRole('button', { name: 'Catat penyampaian' }).click();
    await page.locator('[data-testid="statutory-status-stage_one"]', { hasText: 'Sudah disampaikan' }).waitFor();
    expect(await page.getByTestId('statutory-stage_one').innerText()).toContain('ekspor-arkas.xlsx');
    expect(await page.getByTestId('statutory-form-stage_one').count()).toBe(0);

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await pageShowsNoRawError(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'statutory-deadlines-01-principal-home-id-360');
  });

  it("a supervisor sees the school's statutory reports beside the realisation report downloads, read only (English, 360 px)", async () => {
    const page = await as(EMAIL.supervisor, 'en', NARROW);
    await openProgram(page, stack.baseUrl, programId, 'activities');
    const section = page.getByTestId('statutory-deadlines');
    await section.locator('[data-testid="statutory-status-stage_one"]', { hasText: 'Submitted' }).waitFor();
    expect(await page.getByTestId('realisation-downloads').isVisible()).toBe(true);
    expect(await section.getByRole('button').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'statutory-deadlines-02-realisation-section-en-360');
  });
});
