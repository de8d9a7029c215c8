// The web app's session and Content-Security-Policy in a real Chromium: the refresh token lives in
// an httpOnly, SameSite=Strict, Secure cookie scoped to /auth; the access token only in memory
// (nothing in localStorage or sessionStorage); a reload signs in again through the cookie; sign-out
// clears it; and the main pages run under the strict CSP without a single refusal.
import type { Browser, Page, Response } from 'playwright-core';
import { REPORT_CSS } from '../../apps/api/src/report/report.html';
import { startTestStack, type TestStack } from '../support/stack';
import { cspViolations, launchBrowser, newPage } from './support/browser';
import { PASSWORD } from './support/ui';
import { ensureWebBuilt } from './support/web-build';

jest.setTimeout(300_000);

const HOME = 'Yang menunggu saya';

/** Every Set-Cookie line of a response (Playwright joins repeated headers with newlines). */
async function setCookies(res: Response): Promise<string[]> {
  return (await res.headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie').flatMap((h) => h.value.split('\n'));
}

/** Whatever the page's storage holds, as one string per entry. */
async function webStorage(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((store) => Array.from({ length: store.length }, (_, i) => `${store.key(i)}=${store.getItem(store.key(i)!)}`)),
  );
}

describe('web UI: cookie session and Content-Security-Policy', () => {
  let stack: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuilt();
    stack = await startTestStack();
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function signInCapturing(email: string): Promise<{ page: Page; login: Response }> {
    const { page } = await newPage(browser);
    await page.goto(`${stack.baseUrl}/app/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    const [login] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/auth/login')),
      page.getByRole('button', { name: 'Masuk' }).click(),
    ]);
    await page.getByRole('heading', { name: HOME }).waitFor();
    return { page, login };
  }

  it('every /app/ page is served with the strict policy; the built index.html has no inline script', async () => {
    for (const path of ['/app/', '/app/login', '/app/programs/p-x']) {
      const res = await fetch(`${stack.baseUrl}${path}`);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      for (const directive of ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "connect-src 'self'", "default-src 'none'"]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      const html = await res.text();
      expect(html.match(/<script\b[^>]*>/g)?.every((tag) => /\bsrc=/.test(tag))).toBe(true);
      expect(html).not.toMatch(/\sstyle=|\son\w+=/i);
    }
  });

  it('sign-in sets the refresh token as an httpOnly, SameSite=Strict, Secure cookie on /auth and keeps no token in web storage', async () => {
    const { page, login } = await signInCapturing('kepsek@demo.mutu.id');
    const [cookie] = (await setCookies(login)).filter((c) => c.startsWith('mutu_refresh='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\/auth(;|$)/i);
    const body = (await login.json()) as { accessToken: string; refreshToken?: string };
    expect(body.refreshToken).toBeUndefined();

    const [stored] = (await page.context().cookies()).filter((c) => c.name === 'mutu_refresh');
    expect(stored).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/auth' });
    // Neither token is anywhere a script could read it.
    const storage = await webStorage(page);
    expect(storage.filter((e) => e.includes(body.accessToken) || e.includes(stored!.value) || /token|session/i.test(e))).toEqual([]);
    expect(await page.evaluate(() => document.cookie)).not.toContain('mutu_refresh');
    await page.context().close();
  });

  it('a reload keeps the user signed in on the same page, with a rotated cookie; sign-out clears the cookie', async () => {
    const { page } = await signInCapturing('kepsek@demo.mutu.id');
    const before = (await page.context().cookies()).find((c) => c.name === 'mutu_refresh')!.value;
    await page.goto(`${stack.baseUrl}/app/programs`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/app\/programs$/);
    expect(await page.getByLabel('Kata sandi').count()).toBe(0);
    await page.reload();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    expect(page.url()).toMatch(/\/app\/programs$/);
    const after = (await page.context().cookies()).find((c) => c.name === 'mutu_refresh')!.value;
    expect(after).not.toBe(before);
    expect(await webStorage(page)).toEqual(expect.not.arrayContaining([expect.stringMatching(/token|session/i)]));

    // Two tabs restoring at once take turns: neither is mistaken for a stolen token.
    const second = await page.context().newPage();
    await Promise.all([page.reload(), second.goto(`${stack.baseUrl}/app/`)]);
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    await second.getByRole('heading', { name: HOME }).waitFor();
    await second.close();

    const [logout] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/auth/logout')),
      page.getByRole('button', { name: 'Keluar' }).click(),
    ]);
    expect(logout.status()).toBe(204);
    expect((await setCookies(logout)).some((c) => /^mutu_refresh=;/.test(c) && /Path=\/auth/i.test(c))).toBe(true);
    expect((await page.context().cookies()).filter((c) => c.name === 'mutu_refresh')).toEqual([]);
    await page.goto(`${stack.baseUrl}/app/programs`);
    await page.getByRole('heading', { name: 'Masuk ke Mutu' }).waitFor();
    await page.context().close();
  });

  it('the refresh endpoint takes the cookie only on a JSON POST, and a cross-site form cannot use it', async () => {
    const { page } = await signInCapturing('kepsek@demo.mutu.id');
    const statuses = await page.evaluate(async () => {
      const form = await fetch('/auth/refresh', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
      const json = await fetch('/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json', 'x-mutu-session': 'cookie' }, body: '{}' });
      const body = (await json.json()) as Record<string, unknown>;
      return { form: form.status, json: json.status, hasRefreshToken: 'refreshToken' in body, hasAccessToken: typeof body.accessToken === 'string' };
    });
    // A form can only send text/plain, urlencoded or multipart: the API parses JSON bodies only.
    expect(statuses).toEqual({ form: 400, json: 200, hasRefreshToken: false, hasAccessToken: true });
    await page.context().close();
  });

  it('the main pages report no CSP violation, and the report frame style passes only by its hash', async () => {
    const { page } = await signInCapturing('admin@demo.mutu.id');
    const year = new Date().getFullYear();
    for (const [path, ready] of [
      ['/app/', HOME],
      ['/app/programs', null],
      ['/app/notifications', null],
      ['/app/account', null],
      ['/app/policies', null],
      ['/app/campaigns', null],
      [`/app/calendar/sch-sdn-cipinang-01/${year}`, null],
    ] as const) {
      await page.goto(`${stack.baseUrl}${path}`);
      await (ready ? page.getByRole('heading', { name: ready }) : page.getByRole('heading', { level: 1 })).first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    expect(cspViolations(page)).toEqual([]);

    // The report preview's srcdoc frame inherits the app's policy: its one <style> block is
    // allowed by hash, while any other inline style is refused (so this check can fail).
    await page.evaluate((css) => {
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', '');
      frame.srcdoc = `<!doctype html><html><head><style>${css}</style></head><body><p class="tengah">laporan</p></body></html>`;
      document.body.append(frame);
    }, REPORT_CSS);
    await page.waitForTimeout(500);
    expect(cspViolations(page)).toEqual([]);
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', '');
      frame.srcdoc = '<!doctype html><html><head><style>p{color:red}</style></head><body><p>x</p></body></html>';
      document.body.append(frame);
    });
    for (let i = 0; i < 50 && cspViolations(page).length === 0; i++) await page.waitForTimeout(100);
    expect(cspViolations(page).join('\n')).toMatch(/style/);
    await page.context().close();
  });
});
