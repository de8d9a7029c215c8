// The organiser of a mentoring campaign (pendampingan) through the web UI against the real stack:
// the campaign list → the clusters × meetings dashboard (also on a phone) → one cluster → meeting
// 1's documentation (a refusal first, as a sentence next to its field; then attendance, materials,
// minutes and a photo) → the meeting done on the cluster page and on the dashboard, with the
// materials coverage counting it. Then the import page: a sheet's row errors, a check, an import.
import type { Browser, Locator, Page } from 'playwright-core';
import { startTestStack, type TestStack } from '../support/stack';
import { campaignClusters, campaignCsv, importCampaign, ORGANISER, type CampaignFixture } from './campaign.setup';
import { launchBrowser, PHONE, screenshot, seriousA11yViolations } from './support/browser';
import { solidPng } from './support/png';
import { pageShowsNoRawError, signIn } from './support/ui';
import { ensureWebBuilt } from './support/web-build';

jest.setTimeout(300_000);

const cell = (page: Page, cluster: string, n: number) => page.getByTestId(`cell-${cluster}-${n}`);

/** Read models follow the workflow: reload until the page shows `locator` (a few seconds at most). */
async function reloadUntil(page: Page, locator: Locator, attempts = 15): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await locator.waitFor({ timeout: 2_000 });
      return;
    } catch (e) {
      if (i >= attempts) throw e;
      await page.reload();
    }
  }
}

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('web UI: the organiser runs a mentoring campaign', () => {
  let stack: TestStack;
  let browser: Browser;
  let campaign: CampaignFixture;
  let page: Page;

  beforeAll(async () => {
    await ensureWebBuilt();
    stack = await startTestStack();
    browser = await launchBrowser();
    campaign = await importCampaign(stack);
    page = await signIn(browser, stack.baseUrl, ORGANISER);
  }, 300_000); // a cold run builds the web app first, on a shared 2-core machine

  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await stack?.stop();
  });

  // When a step fails, the page's last state shows where.
  afterEach(async () => {
    const step = (expect.getState().currentTestName ?? 'step').split(' campaign ').pop()!.slice(0, 40).replace(/\W+/g, '-');
    await screenshot(page, `last-campaign-${step}`).catch(() => undefined);
  });

  it('finds the campaign in the list and reads the dashboard grid', async () => {
    await page.getByRole('link', { name: 'Kampanye pendampingan', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kampanye pendampingan' }).waitFor();
    await page.getByTestId('campaign-list').getByRole('link', { name: campaign.title }).click();
    await page.getByRole('heading', { level: 1, name: campaign.title }).waitFor();
    await reloadUntil(page, page.locator('[data-testid^="cluster-row-"]').nth(1));

    const grid = page.getByTestId('meeting-grid');
    expect(await grid.locator('tbody tr').count()).toBe(2);
    for (const c of campaign.clusters) {
      await page.getByTestId(`cluster-row-${c.code}`).getByRole('link').waitFor();
      expect(await cell(page, c.code, 1).getAttribute('data-status')).toBe('due');
      expect(await cell(page, c.code, 1).innerText()).toMatch(/Jatuh tempo/);
      for (const n of [2, 3, 4]) {
        expect(await cell(page, c.code, n).getAttribute('data-status')).toBe('scheduled');
        expect(await cell(page, c.code, n).innerText()).toMatch(/Terjadwal/);
      }
    }
    expect(await page.getByTestId('meetings-progress').innerText()).toMatch(/0 dari 8 pertemuan selesai/);
    expect(await page.getByTestId('rtl-progress').innerText()).toMatch(/0 dari 8 RTL disetujui/);
    expect(await page.getByTestId('material-mutu-pembelajaran').getAttribute('data-meetings')).toBe('0');
    await expectAccessible(page);
    await screenshot(page, 'campaign-01-dashboard');
  });

  it('on a phone the grid scrolls inside its own box with the cluster column pinned', async () => {
    const phone = await signIn(browser, stack.baseUrl, ORGANISER, PHONE);
    try {
      await phone.goto(page.url());
      await phone.getByTestId('meeting-grid').waitFor();
      const layout = await phone.evaluate(() => {
        const wrap = document.querySelector('.grid-wrap')!;
        const first = document.querySelector('.meeting-grid tbody th')!;
        return {
          gridScrolls: wrap.scrollWidth > wrap.clientWidth,
          pageOverflows: document.documentElement.scrollWidth > window.innerWidth,
          sticky: getComputedStyle(first).position,
        };
      });
      expect(layout).toEqual({ gridScrolls: true, pageOverflows: false, sticky: 'sticky' });
      await screenshot(phone, 'campaign-01-dashboard-phone');
    } finally {
      await phone.context().close();
    }
  });

  it('opens a cluster and is refused, as a sentence next to the attendance list, without attendance', async () => {
    const [k01] = campaign.clusters;
    await page.getByTestId(`cluster-row-${k01!.code}`).getByRole('link').click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: k01!.code }).waitFor();
    expect(await page.getByTestId('cluster-schools').locator('li').count()).toBe(4);
    expect(await page.getByTestId('cluster-schools').innerText()).toMatch(/Sekolah inti[\s\S]*Sekolah imbas 1[\s\S]*Sekolah imbas 3/);
    expect(await page.getByTestId('cluster-team').innerText()).toMatch(/Pengawas pembina[\s\S]*Widyaiswara/);
    const form = page.getByTestId('documentation-form');
    await form.getByRole('heading', { name: 'Dokumentasi pertemuan 1' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'campaign-02-cluster');

    await form.getByLabel('Notulen / berita acara').fill('Pendampingan pertama di sekolah inti.');
    await form.getByRole('button', { name: 'Simpan dokumentasi' }).click();
    const refusal = form.locator('[data-testid="attendance"] + [data-error-code="MEETING_INCOMPLETE"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe('Pertemuan baru dihitung bila ada daftar hadir dan notulen.');
    expect(await pageShowsNoRawError(page)).toBe(true);
  });

  it('documents meeting 1 with materials, two attendees, minutes and a photo, and sees it done', async () => {
    const form = page.getByTestId('documentation-form');
    expect(await form.getByLabel('Tanggal pelaksanaan').inputValue()).toBe(campaign.today);
    expect(await form.getByLabel('Sekolah tuan rumah').getAttribute('readonly')).not.toBeNull();
    await form.getByLabel('Penguatan Mutu Pembelajaran').check();
    await form.getByLabel('Best Practices').check();
    for (const [i, [name, fn]] of [['Ibu Siti Rahmawati', 'Kepala sekolah inti'], ['Bapak Bambang Sutrisno', 'Pengawas pembina']].entries()) {
      await form.getByRole('button', { name: 'Tambah peserta' }).click();
      await form.getByLabel(`Nama peserta ${i + 1}`).fill(name!);
      await form.getByLabel(`Jabatan / sekolah peserta ${i + 1}`).fill(fn!);
    }
    await form.getByLabel('Pilih foto').setInputFiles({ name: 'pendampingan-1.png', mimeType: 'image/png', buffer: solidPng(120, 90, [200, 120, 30]) });
    await form.getByText('Terunggah: pendampingan-1.png').waitFor();
    await form.getByRole('button', { name: 'Simpan dokumentasi' }).click();

    await page.getByText('Dokumentasi pertemuan 1 tersimpan.').waitFor();
    const meeting = page.locator('[data-testid="meeting-1"][data-status="done"]');
    await reloadUntil(page, meeting);
    expect(await meeting.innerText()).toMatch(/Selesai/);
    expect(await meeting.getByTestId('attendance-count').innerText()).toMatch(/^2 hadir: Ibu Siti Rahmawati, Bapak Bambang Sutrisno/);
    expect(await meeting.innerText()).toMatch(/Penguatan Mutu Pembelajaran, Best Practices/);
    expect(await meeting.getByTestId('meeting-photos').innerText()).toMatch(/pendampingan-1\.png/);
    await page.getByTestId('documentation-form').getByRole('heading', { name: 'Dokumentasi pertemuan 2' }).waitFor();
    await screenshot(page, 'campaign-03-documented');
  });

  it('the dashboard shows meeting 1 done and the materials coverage counting it', async () => {
    await page.getByRole('link', { name: /Kembali ke dasbor kampanye/ }).click();
    const [k01, k02] = campaign.clusters;
    await reloadUntil(page, page.locator(`[data-testid="cell-${k01!.code}-1"][data-status="done"]`));
    expect(await cell(page, k01!.code, 1).innerText()).toMatch(/Selesai/);
    expect(await cell(page, k02!.code, 1).getAttribute('data-status')).toBe('due');
    expect(await page.getByTestId('meetings-progress').innerText()).toMatch(/1 dari 8 pertemuan selesai/);
    const covered = page.getByTestId('material-mutu-pembelajaran');
    expect([await covered.getAttribute('data-meetings'), await covered.getAttribute('data-clusters')]).toEqual(['1', '1']);
    expect(await covered.innerText()).toMatch(/1 pertemuan · 1 dari 2 klaster/);
    expect(await page.getByTestId('material-mutu-mbs').getAttribute('data-meetings')).toBe('0');
  });

  it('imports a sheet on the import page: every row error in a table, then a check, then the new dashboard', async () => {
    const title = `${campaign.title} (impor)`;
    const good = campaignClusters();
    const bad = good.map((c, i) => (i === 1 ? { ...c, schools: ['99999999', ...c.schools.slice(1)] } : c));
    const sheet = (clusters: typeof good) => ({ name: 'kampanye.csv', mimeType: 'text/csv', buffer: Buffer.from(campaignCsv(title, clusters)) });
    await page.getByRole('link', { name: 'Kampanye pendampingan', exact: true }).click();
    await page.getByRole('link', { name: 'Impor kampanye' }).click();
    await page.getByRole('heading', { level: 1, name: 'Impor kampanye' }).waitFor();

    await page.getByLabel('Berkas kampanye (.csv, .xlsx)').setInputFiles(sheet(bad));
    await page.getByRole('button', { name: 'Periksa' }).click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await errors.locator('tbody tr[data-code="UNKNOWN_SCHOOL"]').innerText()).toMatch(/school\s+Sekolah tidak ditemukan/);
    expect(await page.locator('[data-error-code="IMPORT_INVALID"]').innerText()).toMatch(/tidak ada yang dibuat/);
    await expectAccessible(page);
    await screenshot(page, 'campaign-04-import-errors');

    await page.getByLabel('Berkas kampanye (.csv, .xlsx)').setInputFiles(sheet(good));
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.getByText(/Berkas valid: 2 klaster, 8 sekolah, 8 pertemuan/).waitFor();
    expect(await errors.count()).toBe(0);
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(page.url()).toMatch(/\/app\/campaigns\/cmp-[0-9a-f]+\?new=1$/);
  });
});
