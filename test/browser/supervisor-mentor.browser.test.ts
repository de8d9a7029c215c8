// Assigned supervisors and mentors in a real Chromium against the real stack, in a database of its
// own (the demo school's assignment changes here): the district officer assigns a supervisor to the
// demo school on the Schools screen; that supervisor alone finds the plan in the inbox and approves
// it, another supervisor of the region neither sees the task nor may decide; a mentor (a campaign
// trainer) documents a meeting of the cluster they serve and cannot open a program. Bahasa
// Indonesia and English, axe, 360 px.
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { startTestStack, type TestStack } from '../support/stack';
import { EMAIL, SCHOOL, createProgram, http, openDb, type HttpResult } from '../e2e/api-helpers';
import { ORGANISER, campaignClusters, campaignCsv, jakartaDate } from './campaign.setup';
import { launchBrowser, screenshot } from './support/browser';
import { expectAccessible, expectNoSidewaysScroll, signInWithLanguage } from './support/checks';
import { pageShowsNoRawError } from './support/ui';
import { ensureWebBuilt } from './support/web-build';

jest.setTimeout(300_000);

function ok(r: HttpResult): HttpResult {
  if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

describe('web UI: assigned supervisors and the mentor role', () => {
  let iso: IsolatedDatabase;
  let stack: TestStack;
  let db: DataSource;
  let browser: Browser;
  let programId = '';
  let campaignId = '';
  const open: Page[] = [];

  async function as(email: string, lang: 'id' | 'en'): Promise<Page> {
    const page = await signInWithLanguage(browser, stack.baseUrl, email, lang);
    open.push(page);
    return page;
  }

  const inboxLink = (page: Page) => page.getByTestId('inbox').locator(`a[href$="/programs/${programId}"]`);

  beforeAll(async () => {
    await ensureWebBuilt();
    iso = await isolatedDatabase('mutu_browser_supervisors');
    stack = await startTestStack({ DATABASE_URL: iso.url });
    db = await openDb(iso.url);
    browser = await launchBrowser();
    // A campaign whose cluster K01 has the trainer widyaiswara1 (a mentor) in its team.
    const organiser = await stack.login(ORGANISER);
    const title = `Pendampingan mentor ${Date.now().toString(36)}`;
    const mentorRow = `team,K01,,,,,${EMAIL.mentor},trainer,,,,,,,,\r\n`;
    const form = new FormData();
    form.append('file', new Blob([campaignCsv(title, campaignClusters()) + mentorRow], { type: 'text/csv' }), 'kampanye.csv');
    const imported = ok(await http(stack, organiser, 'POST', '/campaigns/import', form));
    campaignId = imported.body.campaignId;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await db?.destroy();
    await stack?.stop();
    await iso?.drop();
  });

  afterEach(async () => {
    const step = (expect.getState().currentTestName ?? 'step').split(' role ').pop()!.slice(0, 40).replace(/\W+/g, '-');
    for (const [i, p] of open.splice(0).entries()) {
      await screenshot(p, `last-supervisor-mentor-${step}-${i}`).catch(() => undefined);
      await p.context().close();
    }
  });

  it('the district officer assigns Bapak Rudi Hartanto to the demo school on the Schools screen (Bahasa Indonesia, 360 px)', async () => {
    const page = await as(EMAIL.district, 'id');
    await page.getByRole('link', { name: 'Sekolah', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sekolah dan pengawas binaan' }).waitFor();
    await page.getByLabel('Cari sekolah (nama atau NPSN)').fill('20100001');
    const school = page.getByTestId(`school-${SCHOOL}`);
    expect(await school.innerText()).toMatch(/SD Negeri Cipinang 01[\s\S]*NPSN 20100001[\s\S]*Bapak Bambang Sutrisno, Ibu Lina Marlina/);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'supervisors-01-schools-id-360');

    await school.getByRole('button', { name: 'Atur pengawas' }).click();
    const editor = school.getByTestId(`editor-${SCHOOL}`);
    await editor.getByRole('checkbox', { name: 'Bapak Bambang Sutrisno' }).uncheck();
    await editor.getByRole('checkbox', { name: 'Ibu Lina Marlina' }).uncheck();
    await editor.getByRole('checkbox', { name: 'Bapak Rudi Hartanto' }).check();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'supervisors-02-picker-id-360');
    await editor.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Pengawas binaan SD Negeri Cipinang 01 tersimpan.').waitFor();
    await school.getByTestId('assigned-supervisor').filter({ hasText: 'Bapak Rudi Hartanto' }).waitFor();
    expect(await school.getByTestId('assigned-supervisor').count()).toBe(1);
    const [row] = await db.query(`SELECT data FROM events WHERE stream_id = 'admin' AND type = 'SchoolSupervisorsSet' ORDER BY version DESC LIMIT 1`);
    expect(row.data.supervisorIds).toEqual({ from: ['u-supervisor', 'u-supervisor-2'], to: ['u-supervisor-3'] });
  });

  it('the same screen in English for an admin, a school without assigned supervisors shown as falling back (360 px)', async () => {
    const page = await as(EMAIL.admin, 'en');
    await page.getByRole('link', { name: 'Schools', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Schools and assigned supervisors' }).waitFor();
    await page.getByLabel('Find a school (name or NPSN)').fill('Cakung Barat');
    const school = page.getByTestId('school-sch-sdn-cakung-barat-01');
    await school.getByTestId('fallback').filter({ hasText: "None yet: the region's supervisors" }).waitFor();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'supervisors-03-schools-en-360');
  });

  it('only the assigned supervisor finds the plan in the inbox and approves it; another supervisor of the region may not (English and Bahasa Indonesia, 360 px)', async () => {
    const principal = await stack.login(EMAIL.principal);
    programId = await createProgram(stack, principal, SCHOOL, 'Literasi: pengawas binaan');
    ok(await http(stack, principal, 'POST', `/programs/${programId}/plan/submit`, {}));

    // Bapak Bambang Sutrisno supervises the region but is no longer assigned to the school.
    const other = await as(EMAIL.supervisor, 'id');
    // The inbox has loaded (the API has answered /me/tasks) and holds no task of this program.
    await other.waitForLoadState('networkidle');
    expect(await inboxLink(other).count()).toBe(0);
    await other.goto(`${stack.baseUrl}/app/programs/${programId}?tab=plan`);
    await other.locator('#program-title').waitFor();
    await other.getByRole('button', { name: 'Setujui', exact: true }).click();
    await other.locator('[data-error-code="NOT_ASSIGNED_SUPERVISOR"]').filter({ hasText: 'Hanya pengawas binaan sekolah ini yang dapat mengambil keputusan ini.' }).waitFor();
    expect(await pageShowsNoRawError(other)).toBe(true);
    await screenshot(other, 'supervisors-04-unassigned-refused-id-360');

    const assigned = await as(EMAIL.supervisor3, 'en');
    await inboxLink(assigned).first().click();
    await assigned.locator('#program-title').waitFor();
    await assigned.getByRole('tab', { name: 'Plan' }).click();
    await expectAccessible(assigned);
    await expectNoSidewaysScroll(assigned);
    await screenshot(assigned, 'supervisors-05-assigned-inbox-en-360');
    await assigned.getByRole('button', { name: 'Approve', exact: true }).click();
    await assigned.locator('[data-testid="stage"]', { hasText: 'Assignment' }).waitFor();
    const [approval] = await db.query(`SELECT data FROM events WHERE stream_id = $1 AND type = 'PlanApproved'`, [`program-${programId}`]);
    expect(approval.data.by).toBe('u-supervisor-3');
  });

  it('a mentor documents a meeting of the cluster they serve and cannot open a program (Bahasa Indonesia, 360 px)', async () => {
    const page = await as(EMAIL.mentor, 'id');
    expect(await page.getByTestId('current-user').innerText()).toMatch(/Pendamping/);
    await page.goto(`${stack.baseUrl}/app/campaigns/${campaignId}/clusters/K01`);
    const form = page.getByTestId('documentation-form');
    await form.getByRole('heading', { name: 'Dokumentasi pertemuan 1' }).waitFor();
    expect(await form.getByLabel('Tanggal pelaksanaan').inputValue()).toBe(jakartaDate(0));
    await form.getByRole('button', { name: 'Tambah peserta' }).click();
    await form.getByLabel('Nama peserta 1').fill('Ibu Siti Rahmawati');
    await form.getByLabel('Jabatan / sekolah peserta 1').fill('Kepala sekolah inti');
    await form.getByLabel('Notulen / berita acara').fill('Pendampingan pertama oleh widyaiswara.');
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Simpan dokumentasi' }).click();
    await page.getByText('Dokumentasi pertemuan 1 tersimpan.').waitFor();
    await screenshot(page, 'supervisors-06-mentor-documented-id-360');
    const [documented] = await db.query(
      `SELECT data FROM events WHERE stream_id LIKE $1 AND type = 'MeetingDocumented'`,
      [`%${campaignId}%K01%`],
    );
    expect(documented.data).toMatchObject({ by: 'u-widyaiswara-1', role: 'trainer', number: 1 });

    // No program powers: no Programs menu, the list is empty and a program does not open.
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Program', exact: true }).count()).toBe(0);
    await page.goto(`${stack.baseUrl}/app/programs`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator(`a[href$="/programs/${programId}"]`).count()).toBe(0);
    await page.goto(`${stack.baseUrl}/app/programs/${programId}`);
    await page.locator('[role="alert"]').first().waitFor();
    expect(await page.locator('#program-title').count()).toBe(0);
    expect(await pageShowsNoRawError(page)).toBe(true);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'supervisors-07-mentor-program-refused-id-360');
  });
});
