// Headless Chromium for the browser tests, found by @mutu/provisioning (the test setup resolves it
// once and passes CHROMIUM_PATH on).
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { resolveChromium, silentLog } from '@mutu/provisioning';

export const SCREENSHOTS = resolve(__dirname, '../../../test-results/screenshots');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function executablePath(): Promise<string> {
  return resolveChromium(silentLog);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await executablePath(), args: ARGS, headless: true });
}

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const LAPTOP = { viewport: { width: 1280, height: 860 } };

export async function newPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = LAPTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  // A script error in the app is a test failure waiting to be explained: print it.
  page.on('pageerror', (e) => process.stderr.write(`[browser] page error on ${page.url()}: ${e.stack ?? e.message}\n`));
  await watchCsp(page);
  return { context, page };
}

const CSP_REPORTS = new WeakMap<Page, string[]>();

/**
 * Records what the Content-Security-Policy refuses on the page: `securitypolicyviolation` events
 * of every document that runs script, and Chromium's console reports (which also cover the
 * sandboxed report frame, where no script runs). Printed as they happen; read with cspViolations().
 */
async function watchCsp(page: Page): Promise<void> {
  const reports: string[] = [];
  CSP_REPORTS.set(page, reports);
  const record = (line: string) => {
    reports.push(line);
    process.stderr.write(`[browser] CSP violation on ${page.url()}: ${line}\n`);
  };
  await page.exposeBinding('__mutuCspViolation', (_source, line: string) => record(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __mutuCspViolation?: (line: string) => void }).__mutuCspViolation;
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) record(`console: ${m.text()}`);
  });
}

/** Every CSP refusal seen on the page so far (events and console reports). */
export function cspViolations(page: Page): string[] {
  return [...(CSP_REPORTS.get(page) ?? [])];
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2 A/AA rules) on the page; returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not added as an inline <script>: the app's CSP
  // refuses inline script, and the test must not loosen it.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
