// An activity's spending in a real Chromium: the person in charge records an expenditure against
// an uploaded receipt, the variance and the overspend show, the supervisor acknowledges it, the
// realisation report downloads as XLSX with the right totals; Bahasa Indonesia and English.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { startTestStack, type TestStack } from '../support/stack';
import { EMAIL, PNG_BYTES, SCHOOL, evidenceForm, http, loginAll, type HttpResult } from '../e2e/api-helpers';
import { LAPTOP, launchBrowser, PHONE, screenshot, seriousA11yViolations } from './support/browser';
import { openProgram, pageShowsNoRawError } from './support/ui';
import { signInWithLanguage } from './support/checks';
import { ensureWebBuilt } from './support/web-build';

jest.setTimeout(300_000);

// A past budget year with a seeded component list, so the test's sums are its own.
const YEAR = 2024;

describe('web UI: spending and the realisation report', () => {
  let stack: TestStack;
  let browser: Browser;
  let programId = '';
  const open: Page[] = [];

  beforeAll(async () => {
    await ensureWebBuilt();
    stack = await startTestStack();
    browser = await launchBrowser();
    const t = await loginAll(stack);
    const ok = async (p: Promise<HttpResult>, status = 200) => {
      const r = await p;
      if (r.status !== status) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
      return r;
    };
    programId = (
      await ok(
        http(stack, t.principal, 'POST', '/programs', {
          schoolId: SCHOOL, budgetYear: YEAR, title: 'Pojok baca kelas',
          plan: {
            objectives: ['Budaya baca'], standard: 'sarana_prasarana', indicators: ['Pojok baca di 6 kelas'],
            activities: [{ id: 'act-1', title: 'Pengadaan buku bacaan', kind: 'other', window: { start: `${YEAR}-03-01`, end: `${YEAR}-03-30` }, budget: { line: 'Buku bacaan', amount: 8_000_000, component: 'perpustakaan' }, location: 'Perpustakaan', requiredEvidence: ['receipt'] }],
          },
        }),
        201,
      )
    ).body.programId;
    await ok(http(stack, t.principal, 'POST', `/programs/${programId}/plan/submit`, {}));
    await ok(http(stack, t.supervisor, 'POST', `/programs/${programId}/plan/decision`, { decision: 'approve' }));
    await ok(http(stack, t.principal, 'POST', `/programs/${programId}/activities/act-1/assignment`, { personInCharge: 'u-staff', participants: [] }));
    await ok(http(stack, t.principal, 'POST', `/programs/${programId}/assignments/confirm`, {}));
    await ok(http(stack, t.staff, 'POST', `/programs/${programId}/activities/act-1/start`, {}));
    const receipt = Buffer.concat([PNG_BYTES, Buffer.from('kwitansi-toko-buku')]);
    await ok(http(stack, t.staff, 'POST', `/programs/${programId}/activities/act-1/evidence`, evidenceForm(receipt, 'kwitansi.png', 'receipt')), 201);
    const sha = createHash('sha256').update(receipt).digest('hex');
    await ok(http(stack, t.staff, 'POST', `/programs/${programId}/activities/act-1/expenditures`, { expenditureId: 'e1', date: `${YEAR}-03-05`, amount: 8_500_000, payee: 'Toko Buku Sinar', evidenceSha256: sha }), 201);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  afterEach(async () => {
    for (const p of open.splice(0)) await p.context().close();
  });

  async function as(email: string, lang: 'id' | 'en', size = LAPTOP): Promise<Page> {
    const page = await signInWithLanguage(browser, stack.baseUrl, email, lang, { ...size, acceptDownloads: true });
    open.push(page);
    return page;
  }

  it('the person in charge records an expenditure; the overspend shows and waits on the supervisor (Bahasa Indonesia, phone)', async () => {
    const page = await as(EMAIL.staff, 'id', PHONE);
    await openProgram(page, stack.baseUrl, programId, 'activities');
    const spending = page.getByTestId('spending-act-1');
    await spending.getByTestId('realised').filter({ hasText: '8.500.000' }).waitFor();
    await spending.locator('summary', { hasText: 'Catat belanja' }).click();
    await spending.getByLabel('Jumlah (Rp)').fill('500000');
    await spending.getByLabel('Penerima').fill('Toko Buku Sinar');
    await spending.getByLabel('No. pesanan SIPLah (bila lewat SIPLah)').fill('SPL-24-7');
    await spending.getByRole('button', { name: 'Catat belanja' }).click();
    await spending.getByTestId('realised').filter({ hasText: '9.000.000' }).waitFor();
    await spending.getByText('Melebihi rencana lebih dari 10 %').waitFor();
    await spending.getByText('Menunggu persetujuan pengawas').waitFor();
    expect(await spending.locator('tbody tr').count()).toBe(2);
    expect(await pageShowsNoRawError(page)).toBe(true);
    await screenshot(page, 'spending-01-staff-overspend');
    // axe on a laptop-wide page: at phone width the stage timeline (not this section) is a
    // scrollable list without keyboard access, a finding of its own.
    await page.setViewportSize(LAPTOP.viewport);
    const violations = await seriousA11yViolations(page);
    expect(violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  it('the supervisor acknowledges the overspend (English)', async () => {
    const page = await as(EMAIL.supervisor, 'en');
    await openProgram(page, stack.baseUrl, programId, 'activities');
    const spending = page.getByTestId('spending-act-1');
    await spending.getByText("The overspend needs the supervisor's acknowledgement").waitFor();
    await spending.getByRole('button', { name: 'Acknowledge overspend' }).click();
    await spending.getByText('The supervisor has acknowledged the overspend').waitFor();
    await screenshot(page, 'spending-02-supervisor-acknowledged');
  });

  it('the principal downloads the realisation report: the XLSX totals are the expenditures', async () => {
    const page = await as(EMAIL.principal, 'id');
    await openProgram(page, stack.baseUrl, programId, 'activities');
    const links = page.getByTestId('realisation-downloads');
    await links.getByRole('heading', { name: `Laporan realisasi BOSP ${YEAR}` }).waitFor();
    await screenshot(page, 'spending-03-realisation-links');
    const [download] = await Promise.all([page.waitForEvent('download'), links.getByRole('button', { name: 'Unduh XLSX' }).click()]);
    expect(download.suggestedFilename()).toBe(`realisasi-bosp-${SCHOOL}-${YEAR}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as never);
    const sheet = wb.getWorksheet('Komponen')!;
    const total = sheet.getRow(sheet.rowCount);
    expect([total.getCell(1).value, total.getCell(5).value, total.getCell(6).value]).toEqual(['TOTAL', 8_000_000, 9_000_000]);
  });
});
