// The interactive API docs page: Swagger UI served by the API itself (no CDN), under a CSP that
// allows no inline script, listing every operation of the route table.
import type { Browser } from 'playwright-core';
import { ROUTES } from '../../apps/api/src/routes/route-table';
import { startTestStack, type TestStack } from '../support/stack';
import { LAPTOP, launchBrowser, newPage, screenshot } from './support/browser';

jest.setTimeout(180_000);

describe('API docs page at /docs', () => {
  let stack: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startTestStack();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('renders every operation from local assets, with no inline script and nothing fetched elsewhere', async () => {
    const { context, page } = await newPage(browser, LAPTOP);
    const foreign: string[] = [];
    const failed: string[] = [];
    const cspViolations: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(stack.baseUrl) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    const res = await page.goto(`${stack.baseUrl}/docs`);
    expect(res?.headers()['content-type']).toContain('text/html');
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('.opblock', { timeout: 60_000 });
    const operationIds = await page.$$eval('.opblock-summary-path', (els) => els.length);
    expect(operationIds).toBe(Object.keys(ROUTES).length);
    await expect(page.textContent('.info .title')).resolves.toContain('Mutu API');
    expect(await page.locator('.errors-wrapper, .error-wrapper, .version-pragma').count()).toBe(0); // no warnings about the document
    await screenshot(page, 'api-docs');
    expect({ foreign, failed, cspViolations }).toEqual({ foreign: [], failed: [], cspViolations: [] });
    await context.close();
  });

  it('keeps the JSON at /docs for programs and at /docs/openapi.json', async () => {
    const json = await fetch(`${stack.baseUrl}/docs`);
    expect(json.headers.get('content-type')).toContain('application/json');
    const same = await fetch(`${stack.baseUrl}/docs/openapi.json`);
    expect(await same.json()).toEqual(await json.json());
    const missing = await fetch(`${stack.baseUrl}/docs/assets/not-there.js`);
    expect(missing.status).toBe(400);
  });
});
