// The exception screens and names instead of ids, in a real Chromium against the real stack, each
// walked by the role that uses it, in Bahasa Indonesia and English, with axe and at 360 px: the
// people picker, a deadline extension (an earlier date refused first), an evidence withdrawal, a
// cancellation rejected and then confirmed, a meeting rescheduled, an RTL submitted and approved.
import type { Browser, Locator, Page } from 'playwright-core';
import { startTestStack, type TestStack } from '../support/stack';
import { until } from '../support/until';
import { EMAIL, PNG_BYTES, advance, createProgram, evidenceForm, http, type HttpResult } from '../e2e/api-helpers';
import { ORGANISER, importCampaign, jakartaDate, type CampaignFixture } from './campaign.setup';
import { launchBrowser, newPage, screenshot, seriousA11yViolations } from './support/browser';
import { PASSWORD, pageShowsNoRawError, waitForStage } from './support/ui';
import { ensureWebBuilt } from './support/web-build';

jest.setTimeout(300_000);

const NARROW = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const WIDE = { viewport: { width: 1280, height: 860 } };
const HOME = { id: 'Yang menunggu saya', en: 'What is waiting for me' };
const ACTIVITY = 'Pelatihan guru membaca terbimbing';

/** A calendar date as the web app writes it ("18 Des 2026", "18 Dec 2026"). */
const localDate = (date: string, lang: 'id' | 'en') =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Usable at 360 px: the page itself never scrolls sideways (wide tables scroll in their own box). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const wide = await page.evaluate(() => {
    const scrolls = (e: Element | null): boolean => !!e && (['auto', 'scroll'].includes(getComputedStyle(e).overflowX) || scrolls(e.parentElement));
    return Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > 361 && !scrolls(e.parentElement))
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
  });
  expect(wide).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

/** A weekday `days` from today (Jakarta) away from the year-end holidays: the schedule keeps it as it is. */
function workingDayFromToday(days: number): string {
  for (let d = days; ; d++) {
    const date = jakartaDate(d);
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (day !== 0 && day !== 6 && !/-12-(2[4-6]|31)$|-01-01$/.test(date)) return date;
  }
}

function ok(r: HttpResult): HttpResult {
  if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

describe('web UI: exception screens and names', () => {
  let stack: TestStack;
  let browser: Browser;
  let t: Record<'principal' | 'supervisor' | 'staff' | 'organiser', string>;
  let programId = '';
  const open: Page[] = [];

  async function as(email: string, lang: 'id' | 'en', viewport: Parameters<typeof newPage>[1] = NARROW): Promise<Page> {
    const { page } = await newPage(browser, viewport);
    open.push(page);
    await page.goto(`${stack.baseUrl}/app/login`);
    await page.getByLabel('Bahasa').selectOption(lang);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(lang === 'id' ? 'Kata sandi' : 'Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: lang === 'id' ? 'Masuk' : 'Sign in' }).click();
    await page.getByRole('heading', { name: HOME[lang] }).waitFor();
    return page;
  }

  async function program(page: Page, tab: string): Promise<void> {
    await page.goto(`${stack.baseUrl}/app/programs/${programId}?tab=${tab}`);
    await page.locator('#program-title').waitFor();
  }

  beforeAll(async () => {
    await ensureWebBuilt();
    stack = await startTestStack();
    browser = await launchBrowser();
    const [principal, supervisor, staff, organiser] = await Promise.all([EMAIL.principal, EMAIL.supervisor, EMAIL.staff, ORGANISER].map((e) => stack.login(e)));
    t = { principal: principal!, supervisor: supervisor!, staff: staff!, organiser: organiser! };
    programId = await createProgram(stack, t.principal, undefined, 'Literasi: jalur pengecualian');
    await advance(stack, t as unknown as Record<keyof typeof EMAIL, string>, programId, 'assign');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  afterEach(async () => {
    const step = (expect.getState().currentTestName ?? 'step').split(' names ').pop()!.slice(0, 40).replace(/\W+/g, '-');
    for (const [i, p] of open.splice(0).entries()) {
      await screenshot(p, `last-exceptions-${step}-${i}`).catch(() => undefined);
      await p.context().close();
    }
  });

  it('the principal picks the person in charge and a participant by name (English, 360 px) and confirms', async () => {
    const page = await as(EMAIL.principal, 'en');
    await program(page, 'assignments');
    const card = page.getByTestId('assignment-act-1');
    await card.getByLabel('Person in charge').selectOption({ label: 'Ibu Dewi Lestari (Staff)' });
    await card.getByRole('checkbox', { name: 'Bapak Agus Santoso (School QA team)' }).check();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'exceptions-01-people-picker-en-360');
    await card.getByRole('button', { name: /^Assign/ }).click();
    await card.getByTestId('person-in-charge').filter({ hasText: 'Ibu Dewi Lestari (Staff)' }).waitFor();
    await card.getByTestId('participants').filter({ hasText: 'Bapak Agus Santoso' }).waitFor();
    await page.getByRole('button', { name: 'Confirm assignments' }).click();
    await page.locator('[data-testid="stage"]', { hasText: 'Execution' }).waitFor();
  });

  it('the supervisor is refused an earlier date, then extends the deadline and sees the new schedule (Bahasa Indonesia, 360 px)', async () => {
    const page = await as(EMAIL.supervisor, 'id');
    // The execution stage's schedule is computed by the workflow after the stage starts (a new run):
    // under load it may not be listed yet when the page first loads, so reload until it is.
    const row = page.getByTestId('deadlines').locator('tr', { hasText: ACTIVITY });
    for (let i = 0; i < 60; i++) {
      await program(page, 'activities');
      await page.getByTestId('deadlines').waitFor();
      if ((await row.count()) > 0) break;
      await page.waitForTimeout(1_000);
    }
    const before = await row.getByTestId('due-date').innerText();
    await row.locator('summary', { hasText: 'Perpanjang batas waktu' }).click();
    const form = row.getByTestId(/^extend-/);
    await form.getByLabel('Batas waktu baru').fill('2026-03-02');
    await form.getByLabel('Alasan perpanjangan').fill('Narasumber berhalangan hadir.');
    await form.getByRole('button', { name: 'Perpanjang batas waktu' }).click();
    await form.locator('[data-error-code="EXTENSION_NOT_LATER"]').filter({ hasText: 'Perpanjangan hanya boleh ke tanggal setelah batas waktu sekarang.' }).waitFor();
    expect(await row.getByTestId('due-date').innerText()).toBe(before);
    expect(await pageShowsNoRawError(page)).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'exceptions-02-extension-refused-id-360');

    const later = workingDayFromToday(12);
    await form.getByLabel('Batas waktu baru').fill(later);
    await form.getByRole('button', { name: 'Perpanjang batas waktu' }).click();
    await form.getByText(`Batas waktu diperpanjang sampai ${localDate(later, 'id')}.`).waitFor();
    // The new schedule: the row's due date moves once the workflow has recomputed it.
    await row.getByTestId('due-date').filter({ hasText: localDate(later, 'id') }).waitFor({ timeout: 30_000 });
    await row.getByText(`→ ${localDate(later, 'id')} oleh Bapak Bambang Sutrisno: Narasumber berhalangan hadir.`).waitFor();
    await row.getByText('diperpanjang').first().waitFor();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'exceptions-03-extended-id-360');
  });

  it('the teacher withdraws a photo with a reason (English, 360 px)', async () => {
    ok(await http(stack, t.staff, 'POST', `/programs/${programId}/activities/act-1/start`, {}));
    ok(await http(stack, t.staff, 'POST', `/programs/${programId}/activities/act-1/evidence`, evidenceForm(PNG_BYTES, 'foto-salah.png')));
    const page = await as(EMAIL.staff, 'en');
    await program(page, 'activities');
    const activity = page.getByTestId('activity-act-1');
    await activity.getByRole('img', { name: 'foto-salah.png' }).waitFor();
    await activity.locator('summary', { hasText: 'Withdraw evidence' }).click();
    await activity.getByLabel('Reason for withdrawing').fill('Photo of the wrong class.');
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'exceptions-04-withdraw-evidence-en-360');
    await activity.getByRole('button', { name: 'Withdraw evidence', exact: true }).click();
    await activity.getByText('No evidence yet.').waitFor();
    expect(await activity.getByRole('img', { name: 'foto-salah.png' }).count()).toBe(0);
  });

  it('names, not ids: the school with its NPSN, the people in the history and the assignments (Bahasa Indonesia)', async () => {
    const page = await as(EMAIL.principal, 'id', WIDE);
    await program(page, 'history');
    await page.getByTestId('program-school').filter({ hasText: 'SD Negeri Cipinang 01 (NPSN 20100001)' }).waitFor();
    const history = page.locator('ol.history');
    await history.getByText('Dibuat oleh Ibu Siti Rahmawati (Kepala sekolah)').waitFor();
    await history.getByText(/Bapak Bambang Sutrisno \(Pengawas/).first().waitFor();
    const texts = [await page.locator('#program-title ~ p').first().innerText(), await history.innerText(), await page.getByTestId('deadlines').innerText()];
    for (const text of texts) expect(text).not.toMatch(/\bu-[a-z]|sch-sdn/);
    await program(page, 'plan');
    await page.getByTestId('approvals-plan').getByText(/Bapak Bambang Sutrisno/).waitFor();
    expect(await page.getByTestId('approvals-plan').innerText()).not.toMatch(/\bu-[a-z]/);
    await expectAccessible(page);
    await screenshot(page, 'exceptions-05-names-id');
  });

  it('cancellation: the principal asks (id), the supervisor rejects (en); asked again, the supervisor confirms (id, 360 px)', async () => {
    const request = async (reason: string) => {
      const principal = await as(EMAIL.principal, 'id');
      await program(principal, 'history');
      const panel = principal.getByTestId('cancellation');
      await panel.locator('summary', { hasText: 'Ajukan pembatalan' }).click();
      await panel.getByLabel('Alasan pembatalan').fill(reason);
      await panel.getByRole('button', { name: 'Ajukan pembatalan' }).click();
      await panel.getByTestId('cancellation-pending').filter({ hasText: `Ibu Siti Rahmawati (Kepala sekolah)` }).filter({ hasText: reason }).waitFor();
      return principal;
    };
    const principal = await request('Dana BOS tahap II belum cair.');
    await expectAccessible(principal);
    await expectNoSidewaysScroll(principal);
    await screenshot(principal, 'exceptions-06-cancellation-requested-id-360');

    const en = await as(EMAIL.supervisor, 'en', WIDE);
    await program(en, 'history');
    const panel = en.getByTestId('cancellation');
    await panel.getByText(/Cancellation requested by Ibu Siti Rahmawati/).waitFor();
    expect(await panel.getByRole('button', { name: 'Reject cancellation' }).isDisabled()).toBe(true);
    await panel.getByLabel('Reason for the decision').fill('Funds arrive next week; carry on.');
    await expectAccessible(en);
    await panel.getByRole('button', { name: 'Reject cancellation' }).click();
    await panel.getByTestId('cancellation-rejections').filter({ hasText: 'Bapak Bambang Sutrisno' }).filter({ hasText: 'Funds arrive next week; carry on.' }).waitFor();
    expect(await panel.getByTestId('cancellation-pending').count()).toBe(0);
    await screenshot(en, 'exceptions-07-cancellation-rejected-en');

    await request('Sekolah digabung dengan SDN Cipinang 02.');
    const id = await as(EMAIL.supervisor, 'id');
    await program(id, 'history');
    await expectAccessible(id);
    await expectNoSidewaysScroll(id);
    await id.getByTestId('cancellation').getByRole('button', { name: 'Setujui pembatalan' }).click();
    await waitForStage(id, 'Dibatalkan');
    await id.getByTestId('cancelled').waitFor();
    await screenshot(id, 'exceptions-08-cancelled-id-360');
  });

  describe('campaign', () => {
    let campaign: CampaignFixture;
    let cluster = '';
    let core = '';
    const reloadUntil = async (page: Page, locator: Locator) => {
      for (let i = 0; ; i++) {
        try {
          return await locator.waitFor({ timeout: 2_000 });
        } catch (e) {
          if (i >= 15) throw e;
          await page.reload();
        }
      }
    };

    beforeAll(async () => {
      campaign = await importCampaign(stack);
      cluster = `/campaigns/${campaign.campaignId}/clusters/K01`;
      // The cluster's read model follows the import within moments.
      await until('the imported cluster', async () => (await http(stack, t.organiser, 'GET', cluster)).status === 200, 60_000);
      const view = ok(await http(stack, t.organiser, 'GET', cluster)).body as { schools: { schoolId: string; position: number }[] };
      core = view.schools.find((s) => s.position === 0)!.schoolId;
      ok(await http(stack, t.organiser, 'POST', `${cluster}/meetings/1/documentation`, {
        heldOn: jakartaDate(-5), hostSchoolId: core, materialsCovered: [], attendance: [{ name: 'Ibu Guru Inti' }], minutes: 'Pertemuan pertama.', photos: [],
      }));
    }, 120_000);

    it('the organiser reschedules meeting 2 with a reason (English, 360 px)', async () => {
      const page = await as(ORGANISER, 'en');
      await page.goto(`${stack.baseUrl}/app${cluster}`);
      // Schools by name and NPSN.
      await page.getByTestId('cluster-schools').getByText(/\(NPSN 2011000\d\)/).first().waitFor();
      const meeting = page.getByTestId('meeting-2');
      await meeting.locator('summary', { hasText: 'Reschedule' }).click();
      const moved = jakartaDate(8);
      await meeting.getByLabel('New date').fill(moved);
      await meeting.getByLabel('Reason for rescheduling').fill('The host school has an exam week.');
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await screenshot(page, 'exceptions-09-reschedule-en-360');
      await meeting.getByRole('button', { name: 'Reschedule', exact: true }).click();
      await reloadUntil(page, page.getByTestId('meeting-2').getByText(`Planned ${localDate(moved, 'en')}`));
    });

    it('the supervisor submits a school RTL (Bahasa Indonesia) and the trainer approves it (English)', async () => {
      const supervisor = await as(EMAIL.supervisor, 'id');
      await supervisor.goto(`${stack.baseUrl}/app${cluster}`);
      const card = supervisor.getByTestId(`rtl-${core}`);
      // The cluster's read model follows the documentation of meeting 1 (the school's own meeting).
      await reloadUntil(supervisor, card.locator('summary', { hasText: 'Ajukan RTL' }));
      await card.locator('summary', { hasText: 'Ajukan RTL' }).click();
      await card.getByLabel('Tindakan 1', { exact: true }).fill('Pojok baca di setiap kelas');
      await card.getByLabel('Penanggung jawab tindakan 1').fill('Ibu Guru Inti');
      const year = jakartaDate(0).slice(0, 4);
      const due = jakartaDate(3) > `${year}-12-31` ? `${year}-12-31` : jakartaDate(3);
      await card.getByLabel('Batas waktu tindakan 1').fill(due);
      await expectAccessible(supervisor);
      await expectNoSidewaysScroll(supervisor);
      await card.locator('form').getByRole('button', { name: 'Ajukan RTL' }).click();
      await reloadUntil(supervisor, supervisor.locator(`[data-testid="rtl-${core}"][data-status="submitted"]`));
      await screenshot(supervisor, 'exceptions-10-rtl-submitted-id-360');

      const trainer = await as(EMAIL.supervisor2, 'en');
      await trainer.goto(`${stack.baseUrl}/app${cluster}`);
      const decide = trainer.getByTestId(`rtl-${core}`);
      await decide.getByRole('button', { name: 'Approve', exact: true }).waitFor();
      await expectAccessible(trainer);
      await decide.getByRole('button', { name: 'Approve', exact: true }).click();
      await reloadUntil(trainer, trainer.locator(`[data-testid="rtl-${core}"][data-status="approved"]`));
      await screenshot(trainer, 'exceptions-11-rtl-approved-en-360');
    });
  });
});
