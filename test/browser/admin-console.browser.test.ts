// The admin console in a real Chromium at 360 px, against a database of its own (it creates a
// region, schools and users and changes days off): the admin sets up Kota Bekasi from CSV files
// (regions, a supervisor, schools with their assigned supervisor, a Dapodik GTK export), in Bahasa
// Indonesia; then, in English, reloads the year's collective leave from the decree data, adds a
// local day off, sets the region's deadline policy and resets an imported principal's password,
// whose next sign-in must choose a new one. axe and the 360 px check on every admin page.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { openDb } from '../e2e/api-helpers';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { startTestStack, type TestStack } from '../support/stack';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { expectAccessible, expectNoSidewaysScroll, NARROW } from './support/checks';
import { pageShowsNoRawError, signIn } from './support/ui';
import { ensureWebBuilt } from './support/web-build';

jest.setTimeout(300_000);

const SHEETS = join(__dirname, '../../docs/examples/admin');

async function checkPage(page: Page, name: string): Promise<void> {
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  expect(await pageShowsNoRawError(page)).toBe(true);
  await screenshot(page, name);
}

describe('web UI: admin console', () => {
  let iso: IsolatedDatabase;
  let stack: TestStack;
  let browser: Browser;
  let db: DataSource;

  beforeAll(async () => {
    await ensureWebBuilt();
    iso = await isolatedDatabase('mutu_admin_browser');
    stack = await startTestStack({ DATABASE_URL: iso.url });
    db = await openDb(iso.url);
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await db?.destroy();
    await stack?.stop();
    await iso?.drop();
  });

  it('sets up a region from CSV files, its days off and deadline policy, and resets a password (id, en, 360 px, axe)', async () => {
    const page = await signIn(browser, stack.baseUrl, 'admin@demo.mutu.id', NARROW);
    const go = async (path: string, heading: RegExp) => {
      await page.goto(`${stack.baseUrl}/app${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    };
    const card = (kind: string) => page.getByTestId(`import-${kind}`);
    const upload = async (kind: string, file: string, button: 'Periksa' | 'Impor') => {
      await card(kind).locator('input[type="file"]').setInputFiles(join(SHEETS, file));
      await card(kind).getByRole('button', { name: button, exact: true }).click();
    };

    // Bahasa Indonesia: the import page, a refused sheet first (its region and supervisor do not exist yet).
    await go('/admin/import', /Impor dari CSV/);
    await checkPage(page, 'admin-import-id-360');
    await upload('schools', 'sekolah.csv', 'Periksa');
    const errors = card('schools').getByTestId('import-errors');
    await errors.waitFor();
    // Each school row: its region is unknown; two also name a supervisor who does not exist yet.
    expect(await errors.locator('tbody tr').count()).toBe(5);
    expect(await errors.locator('tbody tr').first().innerText()).toMatch(/2\s+Kabupaten\/Kota/);
    expect(Number((await db.query('SELECT count(*) AS n FROM schools'))[0].n)).toBe(Number((await db.query(`SELECT count(*) AS n FROM schools WHERE school_id NOT LIKE 'sch-6999%'`))[0].n));

    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Impor dari CSV/ }).waitFor();
    await upload('regions', 'wilayah.csv', 'Periksa');
    await card('regions').getByText('Berkas valid: 1 baris siap diimpor.').waitFor();
    await upload('regions', 'wilayah.csv', 'Impor');
    await card('regions').getByText('1 baris diimpor.').waitFor();
    await upload('users', 'pengawas.csv', 'Impor');
    await card('users').getByText('1 baris diimpor.').waitFor();
    await upload('schools', 'sekolah.csv', 'Impor');
    await card('schools').getByText('3 baris diimpor.').waitFor();
    await upload('users', 'gtk.csv', 'Impor');
    await card('users').getByText('5 baris diimpor.').waitFor();
    await checkPage(page, 'admin-import-done-id-360');

    await go('/admin/directory', /Sekolah & wilayah/);
    await page.getByTestId('school-sch-69990001').getByText(/Kecamatan: Bekasi Timur/).waitFor();
    await page.getByTestId('region-reg-bekasi').waitFor();
    await checkPage(page, 'admin-directory-id-360');
    const assigned = await db.query(`SELECT school_id FROM school_supervisors WHERE user_id = 'u-197004121995032001' ORDER BY school_id`);
    expect(assigned.map((r: { school_id: string }) => r.school_id)).toEqual(['sch-69990001', 'sch-69990002']);

    // English from here on.
    await page.locator('.lang select').selectOption('en');
    await go('/admin/calendar', /Days off/);
    await page.getByLabel('Region').selectOption('reg-bekasi');
    await page.getByLabel('Year').fill('2026');
    const days = page.getByTestId('days-off');
    await days.locator('li[data-date="2026-12-24"]').waitFor();
    expect(await days.locator('li[data-kind="collective_leave"]').count()).toBe(8);
    // Remove one collective leave day, then load the year from the decree data again.
    await days.locator('li[data-date="2026-12-24"]').getByRole('button').click();
    await days.locator('li[data-date="2026-12-24"]').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Load national holidays & collective leave 2026' }).click();
    await page.getByText(/2026: 1 collective leave days and 0 holidays added \(SKB .*Nomor 1497 Tahun 2025/).waitFor();
    await days.locator('li[data-date="2026-12-24"][data-kind="collective_leave"]').waitFor();
    await page.getByLabel('Date').fill('2026-10-08');
    await page.getByLabel('Description').fill('HUT Kota Bekasi');
    await page.getByRole('button', { name: 'Add a day off' }).click();
    await days.locator('li[data-date="2026-10-08"][data-kind="local"]').waitFor();
    await checkPage(page, 'admin-calendar-en-360');

    await go('/admin/deadlines', /Deadline policy/);
    await page.getByLabel('Region').selectOption('reg-bekasi');
    await page.getByTestId('policy-in-force').getByText(/the general policy/).waitFor();
    await page.getByLabel('Report due by (MM-DD)').fill('13-01');
    await page.getByLabel('Basis (e.g. decree number)').fill('SK Kadisdik Kota Bekasi 7/2026');
    await page.getByRole('button', { name: 'Set the policy' }).click();
    await page.locator('.field-issue').first().waitFor();
    await page.getByLabel('Report due by (MM-DD)').fill('12-01');
    await page.getByRole('button', { name: 'Set the policy' }).click();
    await page.getByText(/Version \d+ set for this region's new programs\./).waitFor();
    await page.getByTestId('policy-in-force').getByText(/this region's policy/).waitFor();
    await checkPage(page, 'admin-deadlines-en-360');

    await go('/admin/users', /Users/);
    const principal = page.getByTestId('user-u-6543210987654321');
    await principal.getByRole('button', { name: /Manage/ }).click();
    await principal.getByLabel('Temporary password').fill('Sementara-Bekasi-2026');
    await principal.getByRole('button', { name: 'Reset password' }).click();
    await principal.getByText(/password was reset/).waitFor();
    await checkPage(page, 'admin-users-en-360');
    await page.context().close();

    // The principal signs in with the temporary password and must choose a new one first.
    const { page: user } = await newPage(browser, NARROW);
    await user.goto(`${stack.baseUrl}/app/login`);
    await user.getByLabel('Email').fill('siti.rahmawati@bekasi.mutu.id');
    await user.getByLabel('Kata sandi').fill('Sementara-Bekasi-2026');
    await user.getByRole('button', { name: 'Masuk' }).click();
    await user.getByRole('heading', { name: 'Buat kata sandi baru' }).waitFor();
    await screenshot(user, 'admin-reset-forced-change-id-360');
    await user.context().close();
  });
});
