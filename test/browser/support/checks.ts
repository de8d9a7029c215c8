// Checks and steps the role walks of the browser tests share: axe, the 360 px rule, and signing in
// with the language chosen on the login page.
import type { Browser, Page } from 'playwright-core';
import { newPage, seriousA11yViolations } from './browser';
import { PASSWORD } from './ui';

export const NARROW = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const HOME = { id: 'Yang menunggu saya', en: 'What is waiting for me' };

/** axe (WCAG 2 A/AA and best practice) finds nothing serious or critical on the page. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Usable at 360 px: the page itself never scrolls sideways (wide tables scroll in their own box). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const wide = await page.evaluate(() => {
    const scrolls = (e: Element | null): boolean => !!e && (['auto', 'scroll'].includes(getComputedStyle(e).overflowX) || scrolls(e.parentElement));
    return Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > 361 && !scrolls(e.parentElement))
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
  });
  expect(wide).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

/** A new page signed in as `email` in `lang`, on the home page. */
export async function signInWithLanguage(browser: Browser, baseUrl: string, email: string, lang: 'id' | 'en', viewport: Parameters<typeof newPage>[1] = NARROW): Promise<Page> {
  const { page } = await newPage(browser, viewport);
  await page.goto(`${baseUrl}/app/login`);
  await page.getByLabel('Bahasa').selectOption(lang);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(lang === 'id' ? 'Kata sandi' : 'Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: lang === 'id' ? 'Masuk' : 'Sign in' }).click();
  await page.getByRole('heading', { name: HOME[lang] }).waitFor();
  return page;
}
