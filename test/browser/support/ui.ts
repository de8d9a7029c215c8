// Steps a person takes in the UI, shared by the browser tests. Labels are the Indonesian UI text:
// the tests read the page the way its users do.
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, newPage } from './browser';

export const PASSWORD = 'mutu-demo-2026';

export async function signIn(browser: Browser, baseUrl: string, email: string, options = LAPTOP): Promise<Page> {
  const { page } = await newPage(browser, options);
  await page.goto(`${baseUrl}/app/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: 'Yang menunggu saya' }).waitFor();
  return page;
}

export async function openProgram(page: Page, baseUrl: string, programId: string, tab: string): Promise<void> {
  await page.goto(`${baseUrl}/app/programs/${programId}?tab=${tab}`);
  await page.locator('#program-title').waitFor();
}

/** Waits until the program header shows the stage (Indonesian name). */
export async function waitForStage(page: Page, stageName: string): Promise<void> {
  await page.locator('[data-testid="stage"]', { hasText: stageName }).waitFor();
}

/** The page must never show a raw error body or stack trace. */
export async function pageShowsNoRawError(page: Page): Promise<boolean> {
  const text = await page.locator('body').innerText();
  return !/"statusCode"|"code"\s*:|\bat \w+ \(|Error: |stack/i.test(text);
}
