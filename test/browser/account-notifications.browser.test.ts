// Account self-service and the notification centre in a real Chromium at 360 px, in Bahasa
// Indonesia and English: the forced change after an admin reset, the account page (a refused and
// an accepted password change, sign out everywhere), and the notification centre (unread count in
// the header, mark one / all read, quiet hours and a daily digest saved, and the digest that a real
// SMTP server then receives as one email). axe on every page.
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@mutu/persistence';
import { OutboxDispatcher, SmtpEmailSender } from '@mutu/notifications';
import { programWithReminders } from '../support/program-reminders';
import { startSmtpSink } from '../support/smtp-sink';
import { startTestStack, type TestStack } from '../support/stack';
import { launchBrowser, newPage, screenshot, seriousA11yViolations } from './support/browser';
import { pageShowsNoRawError } from './support/ui';
import { ensureWebBuilt } from './support/web-build';

jest.setTimeout(300_000);

const NARROW = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Usable at 360 px: nothing wider than the screen forces a sideways scroll. */
async function expectFitsWidth(page: Page): Promise<void> {
  const wide = await page.evaluate(() => Array.from(document.querySelectorAll('body *')).filter((e) => e.getBoundingClientRect().right > 361).map((e) => `${e.tagName}.${e.className}#${e.id} ${Math.round(e.getBoundingClientRect().right)}`));
  expect(wide).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

describe('web UI: account self-service and notification centre', () => {
  let stack: TestStack;
  let browser: Browser;
  let db: DataSource;
  let adminToken: string;
  const run = Date.now().toString(36);
  let n = 0;
  const open: Page[] = [];

  beforeAll(async () => {
    await ensureWebBuilt();
    stack = await startTestStack();
    browser = await launchBrowser();
    db = createDataSource({ url: process.env.DATABASE_URL!, poolSize: 2 });
    await db.initialize();
    adminToken = await stack.login('admin@demo.mutu.id');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await db?.destroy();
    await stack?.stop();
  });

  afterEach(async () => {
    for (const p of open.splice(0)) await p.context().close();
  });

  const admin = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${stack.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  /** A staff account with a password of its own and, optionally, three unread notices. */
  async function newUser(notices = 0) {
    const id = `u-web-${run}-${n++}`;
    const email = `${id}@demo.mutu.id`;
    await admin('POST', '/admin/users', { userId: id, email, name: 'Ibu Rina Uji', password: 'sandi-awal-rina-2026', roles: ['staff'], schoolIds: ['sch-sdn-cipinang-01'] });
    for (let i = 0; i < notices; i++) {
      await db.query(
        `INSERT INTO notifications (user_id, program_id, stage, kind, due_date, template, params, created_at)
         VALUES ($1, 'p-web-inbox', 'plan', $2, '2026-03-02', 'reminder', $3::jsonb, now() - ($4 || ' minutes')::interval)`,
        [id, `plan:reminder:${i}`, JSON.stringify({ stage: 'plan', dueDate: '2026-03-02', programTitle: 'Literasi kelas awal', offsetWorkingDays: i + 1 }), String(10 - i)],
      );
    }
    return { id, email };
  }

  async function signInAs(email: string, password: string, lang: 'id' | 'en'): Promise<Page> {
    const { page } = await newPage(browser, NARROW);
    open.push(page);
    await page.goto(`${stack.baseUrl}/app/login`);
    await page.getByLabel(lang === 'id' ? 'Bahasa' : 'Bahasa').selectOption(lang);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(lang === 'id' ? 'Kata sandi' : 'Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: lang === 'id' ? 'Masuk' : 'Sign in' }).click();
    return page;
  }

  it('after an admin reset, the sign-in leads to the forced change (Bahasa Indonesia), and nothing else until it is done', async () => {
    const u = await newUser();
    await admin('POST', `/admin/users/${u.id}/password-reset`, { temporaryPassword: 'sementara-rina-77' });
    const page = await signInAs(u.email, 'sementara-rina-77', 'id');
    await page.getByRole('heading', { name: 'Buat kata sandi baru' }).waitFor();
    expect(page.url()).toMatch(/\/app\/account\/password$/);
    expect(await page.getByTestId('unread-badge').count()).toBe(0);
    await expectAccessible(page);
    await expectFitsWidth(page);
    await screenshot(page, 'forced-password-change-id-360');

    // Another page's address still shows the forced change.
    await page.goto(`${stack.baseUrl}/app/programs`);
    await page.getByRole('heading', { name: 'Buat kata sandi baru' }).waitFor();

    await page.getByLabel('Kata sandi sementara').fill('sementara-rina-77');
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('password123');
    await page.getByLabel('Ulangi kata sandi baru').fill('password123');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await page.getByRole('alert').filter({ hasText: 'terlalu umum' }).first().waitFor();
    expect(await pageShowsNoRawError(page)).toBe(true);
    await screenshot(page, 'forced-password-change-refused-id-360');

    await page.getByLabel('Kata sandi baru', { exact: true }).fill('pilihan-rina-sendiri-1');
    await page.getByLabel('Ulangi kata sandi baru').fill('pilihan-rina-sendiri-1');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await page.getByRole('heading', { name: 'Yang menunggu saya' }).waitFor();
    const [row] = await db.query('SELECT must_change_password FROM users WHERE user_id = $1', [u.id]);
    expect(row.must_change_password).toBe(false);
  });

  it("the program page lists the program's deadlines (stage, due date) in a keyboard-scrollable table", async () => {
    const token = await stack.login('kepsek@demo.mutu.id');
    const year = new Date().getFullYear();
    const res = await fetch(`${stack.baseUrl}/programs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ schoolId: 'sch-sdn-cipinang-01', budgetYear: year, title: 'Batas waktu di halaman program' }),
    });
    expect(res.status).toBe(201);
    const { programId } = (await res.json()) as { programId: string };
    const page = await signInAs('kepsek@demo.mutu.id', 'mutu-demo-2026', 'id');
    await page.getByRole('heading', { name: 'Yang menunggu saya' }).waitFor();
    // The schedule is computed by the workflow when the stage starts: reload until it is listed.
    for (let i = 0; i < 30 && (await page.locator('[data-deadline="plan"]').count()) === 0; i++) {
      await page.goto(`${stack.baseUrl}/app/programs/${programId}`);
      await page.locator('#program-title').waitFor();
      if ((await page.locator('[data-deadline="plan"]').count()) === 0) await page.waitForTimeout(1_000);
    }
    const row = page.locator('[data-deadline="plan"]');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Perencanaan/i);
    // axe on the deadlines section (the stage timeline above it is another component's).
    const violations = await seriousA11yViolations(page);
    const inSection = violations.filter((v) => v.nodes.some((n) => n.target.some((t) => t.includes('table-wrap') || t.includes('deadline'))));
    expect(inSection.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await screenshot(page, 'program-deadlines-id-360');
  });

  it('a principal who sets quiet hours and a daily digest in the app gets the notices that fell due as one email', async () => {
    // A school and principal of their own: reminders go to every principal of the program's school.
    const school = `sch-digest-${run}`;
    await admin('POST', '/admin/schools', { schoolId: school, regionId: 'reg-jaktim', name: 'SD Negeri Uji Ringkasan', timeZone: 'Asia/Jakarta' });
    const id = `u-digest-${run}`;
    await admin('POST', '/admin/users', { userId: id, email: `${id}@demo.mutu.id`, name: 'Ibu Sari Ringkas', password: 'sandi-awal-sari-2026', roles: ['principal'], schoolIds: [school] });
    const page = await signInAs(`${id}@demo.mutu.id`, 'sandi-awal-sari-2026', 'en');
    await page.getByTestId('unread-badge').click();
    await page.getByLabel('Use quiet hours').check();
    await page.getByLabel('Start', { exact: true }).fill('06:00');
    await page.getByLabel('End', { exact: true }).fill('09:00');
    await page.getByLabel('Email digest').selectOption('daily');
    await page.getByLabel('Notification language').selectOption('en');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Preferences saved' }).waitFor();

    // Three reminders fall due during 2 February 2027 (Jakarta); the digest hour 07:00 of the 3rd lies
    // in the quiet hours, so the digest leaves at 09:00 local (02:00Z). The stack's own dispatcher
    // runs on today's clock and leaves them pending; this one runs at 09:01 local on 3 February.
    const programId = `p-digest-${run}`;
    const program = await programWithReminders(db, programId, school, 'reg-jaktim', { userId: id, name: 'Ibu Sari Ringkas', roles: ['principal'], schoolIds: [school], regionIds: [] });
    await program.remind(10, '2027-02-02T03:00:00.000Z');
    await program.remind(5, '2027-02-02T07:00:00.000Z');
    await program.remind(2, '2027-02-02T15:00:00.000Z');
    const smtp = await startSmtpSink();
    const email = new SmtpEmailSender({ host: '127.0.0.1', port: smtp.port, from: 'Mutu <noreply@mutu.local>' });
    try {
      const dispatch = (now: string) => new OutboxDispatcher(db, { workerId: `digest-${run}`, email, programIdPrefix: programId, now: () => new Date(now) }).runOnce();
      expect(await dispatch('2027-02-03T00:30:00.000Z')).toBe(0);
      expect(await dispatch('2027-02-03T02:01:00.000Z')).toBe(3);
      expect(await dispatch('2027-02-03T10:00:00.000Z')).toBe(0);
      const mine = smtp.mails.filter((m) => m.to.includes(id));
      expect(mine).toHaveLength(1);
      expect(mine[0]!.subject).toBe('Mutu daily digest (3)');
      expect(mine[0]!.text).toContain('Reminder: the planning stage is due in 10 working days');
      expect(mine[0]!.text).toContain('Reminder: the planning stage is due in 2 working days');
    } finally {
      email.close();
      await smtp.close();
    }
  });

  for (const lang of ['id', 'en'] as const) {
    it(`the account page changes the password and signs out everywhere (${lang})`, async () => {
      const u = await newUser();
      const page = await signInAs(u.email, 'sandi-awal-rina-2026', lang);
      await page.getByTestId('unread-badge').waitFor();
      await page.getByRole('link', { name: lang === 'id' ? 'Akun' : 'Account', exact: true }).click();
      await page.getByRole('heading', { name: lang === 'id' ? 'Akun saya' : 'My account' }).waitFor();
      await expectAccessible(page);
      await expectFitsWidth(page);
      await screenshot(page, `account-${lang}-360`);

      const current = lang === 'id' ? 'Kata sandi saat ini' : 'Current password';
      const fresh = lang === 'id' ? 'Kata sandi baru' : 'New password';
      const again = lang === 'id' ? 'Ulangi kata sandi baru' : 'Repeat the new password';
      const submit = page.getByRole('button', { name: lang === 'id' ? 'Ganti kata sandi' : 'Change password' });
      await page.getByLabel(current).fill('bukan-sandi-saya-1');
      await page.getByLabel(fresh, { exact: true }).fill('sandi-baru-rina-2026');
      await page.getByLabel(again).fill('sandi-baru-rina-2026');
      await submit.click();
      await page.getByRole('alert').filter({ hasText: lang === 'id' ? 'kata sandi salah' : 'wrong password' }).first().waitFor();
      await expectAccessible(page);

      await page.getByLabel(current).fill('sandi-awal-rina-2026');
      await page.getByLabel(fresh, { exact: true }).fill('sandi-baru-rina-2026');
      await page.getByLabel(again).fill('sandi-baru-rina-2026');
      await submit.click();
      await page.getByRole('status').filter({ hasText: lang === 'id' ? 'Kata sandi telah diganti' : 'Your password has been changed' }).waitFor();

      await page.getByRole('button', { name: lang === 'id' ? 'Keluar dari semua sesi' : 'Sign out of all sessions' }).click();
      await page.getByRole('heading', { name: lang === 'id' ? 'Masuk ke Mutu' : 'Sign in to Mutu' }).waitFor();
      const [open] = await db.query('SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL', [u.id]);
      expect(open.n).toBe(0);
    });

    it(`the notification centre shows the unread count, marks read and saves quiet hours with a daily digest (${lang})`, async () => {
      const u = await newUser(3);
      const page = await signInAs(u.email, 'sandi-awal-rina-2026', lang);
      const badge = page.getByTestId('unread-badge');
      await page.locator('[data-testid="unread-badge"][data-unread="3"]').waitFor();
      await badge.click();
      await page.getByRole('heading', { name: lang === 'id' ? 'Pusat notifikasi' : 'Notification centre' }).waitFor();
      await page.getByTestId('notification-list').locator('li').nth(2).waitFor();
      await expectAccessible(page);
      await expectFitsWidth(page);
      await screenshot(page, `notifications-${lang}-360`);

      await page.getByRole('button', { name: lang === 'id' ? 'Tandai dibaca' : 'Mark read' }).first().click();
      await page.locator('[data-testid="unread-badge"][data-unread="2"]').waitFor();
      await page.getByRole('button', { name: lang === 'id' ? 'Tandai semua dibaca' : 'Mark all read' }).click();
      await page.locator('[data-testid="unread-badge"][data-unread="0"]').waitFor();
      await page.locator('[data-testid="notification-list"] li[data-read="false"]').first().waitFor({ state: 'detached' });
      expect(await page.locator('[data-testid="notification-list"] li[data-read="true"]').count()).toBe(3);

      await page.getByLabel(lang === 'id' ? 'Aktifkan jam tenang' : 'Use quiet hours').check();
      await page.getByLabel(lang === 'id' ? 'Mulai' : 'Start', { exact: true }).fill('21:30');
      await page.getByLabel(lang === 'id' ? 'Selesai' : 'End', { exact: true }).fill('06:15');
      await page.getByLabel(lang === 'id' ? 'Ringkasan email' : 'Email digest').selectOption('daily');
      await page.getByLabel(lang === 'id' ? 'Bahasa notifikasi' : 'Notification language').selectOption(lang === 'id' ? 'en' : 'id');
      await page.getByRole('button', { name: lang === 'id' ? 'Simpan' : 'Save' }).click();
      await page.getByRole('status').filter({ hasText: lang === 'id' ? 'Preferensi tersimpan' : 'Preferences saved' }).waitFor();
      await expectAccessible(page);
      await screenshot(page, `notification-preferences-${lang}-360`);

      const [prefs] = await db.query(
        `SELECT digest, to_char(quiet_start, 'HH24:MI') AS qs, to_char(quiet_end, 'HH24:MI') AS qe, (SELECT locale FROM users WHERE user_id = $1) AS locale
           FROM notification_preferences WHERE user_id = $1`,
        [u.id],
      );
      expect(prefs).toEqual({ digest: true, qs: '21:30', qe: '06:15', locale: lang === 'id' ? 'en' : 'id' });
      await page.reload();
      await page.getByLabel(lang === 'id' ? 'Mulai' : 'Start', { exact: true }).waitFor();
      expect(await page.getByLabel(lang === 'id' ? 'Ringkasan email' : 'Email digest').inputValue()).toBe('daily');
    });
  }
});
