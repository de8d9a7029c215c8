// The main pages pass axe-core with no serious or critical violation, and API errors reach people
// as sentences in their language, never as raw JSON.
import type { Browser, Page } from 'playwright-core';
import { startTestStack, type TestStack } from '../support/stack';
import { LAPTOP, launchBrowser, newPage, PHONE, screenshot, seriousA11yViolations } from './support/browser';
import { openProgram, pageShowsNoRawError, signIn } from './support/ui';
import { ensureWebBuilt } from './support/web-build';

jest.setTimeout(300_000);

const YEAR = new Date().getFullYear();
const SCHOOL = 'sch-sdn-cipinang-01';

describe('web UI: accessibility and error messages', () => {
  let stack: TestStack;
  let browser: Browser;
  let programId = '';
  const open: Page[] = [];

  beforeAll(async () => {
    await ensureWebBuilt();
    stack = await startTestStack();
    browser = await launchBrowser();
    const token = await stack.login('kepsek@demo.mutu.id');
    const res = await fetch(`${stack.baseUrl}/programs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        schoolId: SCHOOL,
        budgetYear: YEAR,
        title: 'Penguatan numerasi',
        plan: {
          objectives: ['Meningkatkan numerasi kelas 4'],
          standard: 'proses',
          indicators: ['Nilai numerasi naik 10%'],
          activities: [{ id: 'act-1', title: 'Lokakarya numerasi', kind: 'teacher_training', window: { start: `${YEAR}-03-02`, end: `${YEAR}-03-20` }, budget: { line: 'Pengembangan Profesi Guru', amount: 2_750_000 }, location: 'Aula', requiredEvidence: ['photo', 'attendance_list'] }],
        },
      }),
    });
    if (res.status !== 201) throw new Error(`create program: ${res.status} ${await res.text()}`);
    programId = ((await res.json()) as { programId: string }).programId;
  }, 300_000); // a cold run builds the web app first, on a shared 2-core machine

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  afterEach(async () => {
    for (const p of open.splice(0)) await p.context().close();
  });

  const expectAccessible = async (page: Page, name: string) => {
    const violations = await seriousA11yViolations(page);
    await screenshot(page, `a11y-${name}`);
    expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };

  it('a wrong password is explained in Indonesian, then in English after switching, never as raw JSON', async () => {
    const { page } = await newPage(browser, PHONE);
    open.push(page);
    await page.goto(`${stack.baseUrl}/`);
    await page.waitForURL(/\/app\/login$/);
    await page.getByLabel('Email').fill('kepsek@demo.mutu.id');
    await page.getByLabel('Kata sandi').fill('salah-sandi');
    await page.getByRole('button', { name: 'Masuk' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/salah|tidak|sesi/i);
    expect(await pageShowsNoRawError(page)).toBe(true);
    await screenshot(page, 'login-error-id');

    await page.getByLabel('Bahasa').selectOption('en');
    await page.getByRole('heading', { name: 'Sign in to Mutu' }).waitFor();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: /wrong|session|not valid|could not/i }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await pageShowsNoRawError(page)).toBe(true);
  });

  it('a reload of an app page is served the app (SPA fallback), while API paths stay the API', async () => {
    const app = await fetch(`${stack.baseUrl}/app/programs/${programId}`);
    expect(app.status).toBe(200);
    expect(app.headers.get('content-type')).toMatch(/text\/html/);
    const apiRes = await fetch(`${stack.baseUrl}/programs/${programId}`);
    expect(apiRes.status).toBe(401);
    expect(apiRes.headers.get('content-type')).toMatch(/json/);
  });

  it('the axe check itself reports an unlabelled field and low-contrast text as serious or worse', async () => {
    const { page } = await newPage(browser);
    open.push(page);
    await page.setContent('<html lang="id"><head><title>x</title></head><body><main><input type="text"><p style="color:#c8c8c8;background:#fff">teks pucat</p></main></body></html>');
    const ids = (await seriousA11yViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['label', 'color-contrast']));
  });

  it('login, home, program list, program tabs, calendar and audit pages have no serious or critical axe violations', async () => {
    const { page: login } = await newPage(browser, LAPTOP);
    open.push(login);
    await login.goto(`${stack.baseUrl}/app/login`);
    await login.getByRole('heading', { name: 'Masuk ke Mutu' }).waitFor();
    await expectAccessible(login, 'login');

    const principal = await signIn(browser, stack.baseUrl, 'kepsek@demo.mutu.id');
    open.push(principal);
    await principal.getByTestId('count-waiting').waitFor();
    await expectAccessible(principal, 'home');

    await principal.goto(`${stack.baseUrl}/app/programs`);
    await principal.getByTestId('program-list').getByRole('link').first().waitFor();
    await expectAccessible(principal, 'programs');

    for (const tab of ['plan', 'assignments', 'activities', 'evidence', 'report', 'history']) {
      await openProgram(principal, stack.baseUrl, programId, tab);
      await principal.getByRole('tab', { selected: true }).waitFor();
      await expectAccessible(principal, `program-${tab}`);
    }

    await principal.goto(`${stack.baseUrl}/app/calendar/${SCHOOL}/${YEAR}`);
    await principal.getByRole('heading', { level: 1 }).waitFor();
    await principal.getByTestId('calendar').getByRole('link', { name: 'Penguatan numerasi' }).first().waitFor();
    await expectAccessible(principal, 'calendar');

    const auditor = await signIn(browser, stack.baseUrl, 'auditor@demo.mutu.id', PHONE);
    open.push(auditor);
    await auditor.goto(`${stack.baseUrl}/app/programs/${programId}/audit`);
    await auditor.getByTestId('audit-timeline').locator('tbody tr').first().waitFor();
    await expectAccessible(auditor, 'audit');
  });
});
