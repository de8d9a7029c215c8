// Every role's main path through the web UI against the real stack (API + worker + PostgreSQL +
// Temporal), in one program's life: plan → approval (after a rejection) → assignment → execution
// with a photo → documentation → report sign-off with quorum → audit.
import type { Browser, Page } from 'playwright-core';
import { startTestStack, type TestStack } from '../support/stack';
import { launchBrowser, PHONE, screenshot } from './support/browser';
import { solidPng } from './support/png';
import { openProgram, pageShowsNoRawError, signIn, waitForStage } from './support/ui';
import { ensureWebBuilt } from './support/web-build';

jest.setTimeout(300_000);

const EMAIL = {
  principal: 'kepsek@demo.mutu.id',
  qa: 'tpmps@demo.mutu.id',
  staff: 'guru@demo.mutu.id',
  committee1: 'komite1@demo.mutu.id',
  committee2: 'komite2@demo.mutu.id',
  supervisor: 'pengawas@demo.mutu.id',
  auditor: 'auditor@demo.mutu.id',
};
const YEAR = new Date().getFullYear();

describe('web UI: one program through every role', () => {
  let stack: TestStack;
  let browser: Browser;
  let programId = '';
  const pages: Page[] = [];
  const as = async (email: string, options?: Parameters<typeof signIn>[3]) => {
    const page = await signIn(browser, stack.baseUrl, email, options);
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    await ensureWebBuilt();
    stack = await startTestStack();
    browser = await launchBrowser();
  }, 300_000); // a cold run builds the web app first, on a shared 2-core machine

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  // The last state of every page of a step is kept too: when a step fails, it shows where.
  afterEach(async () => {
    const step = (expect.getState().currentTestName ?? 'step').replace('web UI: one program through every role ', '').slice(0, 40).replace(/\W+/g, '-');
    for (const [i, p] of pages.splice(0).entries()) {
      await screenshot(p, `last-${step}-${i}`).catch(() => undefined);
      await p.context().close();
    }
  });

  it('principal creates a program, sees field messages from the API, and submits the plan', async () => {
    const page = await as(EMAIL.principal);
    await screenshot(page, '01-principal-home');
    await page.getByRole('link', { name: 'Program', exact: true }).click();
    await page.getByRole('button', { name: 'Program baru' }).click();
    await page.getByLabel('Judul').fill('Peningkatan literasi kelas awal');
    await page.getByRole('button', { name: 'Buat program' }).click();
    await page.waitForURL(/\/app\/programs\/[^/?]+\?tab=plan/);
    programId = new URL(page.url()).pathname.split('/').pop()!;
    await waitForStage(page, 'Perencanaan');

    await page.getByRole('button', { name: 'Tambah tujuan' }).click();
    await page.getByLabel('Tujuan 1', { exact: true }).fill('Meningkatkan kemampuan membaca siswa kelas 1–3');
    await page.getByLabel('Standar nasional (SNP)').selectOption('proses');
    await page.getByRole('button', { name: 'Tambah indikator' }).click();
    await page.getByLabel('Indikator 1', { exact: true }).fill('80% siswa kelas 2 membaca lancar');
    await page.getByRole('button', { name: 'Tambah kegiatan' }).click();
    // The budget line's text (the component list beside it carries the same label in Bahasa Indonesia).
    await page.getByRole('textbox', { name: 'Mata anggaran' }).fill('Pengembangan Profesi Guru dan Tenaga Kependidikan');
    await page.getByLabel('Anggaran (Rp)').fill('1500000');
    await page.getByLabel('Tempat').fill('Ruang guru');
    // The activity title is still empty: the API refuses and the message sits next to the field.
    await page.getByRole('button', { name: 'Simpan rencana' }).click();
    const titleField = page.locator('.field.has-issue', { has: page.getByLabel('Nama kegiatan') });
    await titleField.locator('.field-issue').waitFor();
    expect(await page.locator('.error[role=alert]').first().innerText()).toMatch(/isian|rencana/i);
    expect(await pageShowsNoRawError(page)).toBe(true);
    await screenshot(page, '02-principal-plan-field-issue');

    await page.getByLabel('Nama kegiatan').fill('Pelatihan guru membaca terbimbing');
    expect(await page.getByText('Rp 1.500.000').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Ajukan rencana' }).click();
    await page.getByTestId('waiting-on').filter({ hasText: 'Setujui rencana' }).waitFor();
    await screenshot(page, '03-principal-plan-submitted');
  });

  it('supervisor, on a phone, must give a reason to reject, rejects, then approves the resubmitted plan', async () => {
    const supervisor = await as(EMAIL.supervisor, PHONE);
    await supervisor.getByTestId('inbox').locator(`a[href$="/programs/${programId}"]`).filter({ hasText: /Setujui rencana/ }).first().click();
    await supervisor.getByRole('tab', { name: 'Rencana' }).click();
    await supervisor.getByRole('button', { name: 'Tolak', exact: true }).click();
    await supervisor.getByText('Alasan wajib diisi untuk menolak.').waitFor();
    await supervisor.getByLabel('Alasan', { exact: true }).fill('Indikator perlu target angka per kelas.');
    await supervisor.getByRole('button', { name: 'Tolak', exact: true }).click();
    await supervisor.getByTestId('approvals-plan').getByText('Indikator perlu target angka per kelas.').waitFor();
    await screenshot(supervisor, '04-supervisor-phone-rejected');

    const principal = await as(EMAIL.principal);
    await openProgram(principal, stack.baseUrl, programId, 'plan');
    await principal.getByRole('button', { name: 'Ajukan rencana' }).click();
    await principal.getByTestId('waiting-on').filter({ hasText: 'Setujui rencana' }).waitFor();

    await openProgram(supervisor, stack.baseUrl, programId, 'plan');
    await supervisor.getByRole('button', { name: 'Setujui', exact: true }).click();
    await waitForStage(supervisor, 'Penugasan');
    await screenshot(supervisor, '05-supervisor-phone-approved');
  });

  it('principal assigns the activity to a teacher and confirms', async () => {
    const page = await as(EMAIL.principal);
    await openProgram(page, stack.baseUrl, programId, 'assignments');
    // Chosen by name from the school's users (the people picker), shown by name and role.
    await page.getByLabel('Penanggung jawab').selectOption({ label: 'Ibu Dewi Lestari (Guru / tendik)' });
    await page.getByRole('button', { name: /^Tugaskan/ }).click();
    await page.getByTestId('assignment-act-1').getByTestId('person-in-charge').filter({ hasText: 'Ibu Dewi Lestari (Guru / tendik)' }).waitFor();
    await page.getByRole('button', { name: 'Konfirmasi penugasan' }).click();
    await waitForStage(page, 'Pelaksanaan');
  });

  it('staff starts the activity, uploads a photo with a thumbnail, and records the execution', async () => {
    const page = await as(EMAIL.staff);
    // This program's task: other tests of the run leave tasks for the same demo teacher in the inbox.
    await page.getByTestId('inbox').locator(`a[href$="/programs/${programId}"]`).filter({ hasText: /Laksanakan kegiatan/ }).first().click();
    await page.getByRole('tab', { name: 'Kegiatan' }).click();
    await page.getByRole('button', { name: 'Mulai kegiatan' }).click();
    await page.locator('[data-testid="activity-act-1"][data-status="in_progress"]').waitFor();

    await page.getByLabel('Pilih berkas atau ambil foto').setInputFiles({ name: 'pelatihan.png', mimeType: 'image/png', buffer: solidPng(120, 90, [30, 120, 200]) });
    await page.getByText('Terunggah: pelatihan.png').waitFor();
    await page.getByTestId('evidence-act-1').getByRole('img', { name: 'pelatihan.png' }).waitFor();
    await screenshot(page, '06-staff-photo-uploaded');

    await page.getByLabel('Hasil kegiatan').fill('18 guru mengikuti pelatihan membaca terbimbing.');
    await page.getByRole('button', { name: 'Catat pelaksanaan' }).click();
    await waitForStage(page, 'Dokumentasi');
    await screenshot(page, '07-staff-execution-recorded');
  });

  it('QA team completes the documentation and the supervisor approves it', async () => {
    const qa = await as(EMAIL.qa);
    await openProgram(qa, stack.baseUrl, programId, 'evidence');
    await qa.getByRole('button', { name: 'Dokumentasi lengkap, ajukan' }).click();
    await qa.getByTestId('waiting-on').filter({ hasText: 'Setujui dokumentasi' }).waitFor();
    await screenshot(qa, '08-qa-documentation-complete');

    const supervisor = await as(EMAIL.supervisor, PHONE);
    await openProgram(supervisor, stack.baseUrl, programId, 'evidence');
    await supervisor.getByRole('button', { name: 'Setujui', exact: true }).click();
    await waitForStage(supervisor, 'Laporan');
  });

  it('principal submits the report; the committee signs it off with quorum; the principal closes', async () => {
    const principal = await as(EMAIL.principal);
    await openProgram(principal, stack.baseUrl, programId, 'report');
    const sections = ['Latar belakang', 'Tujuan', 'Sasaran', 'Hasil yang diharapkan', 'Tempat dan waktu', 'Uraian kegiatan', 'Masalah dan solusi', 'Kesimpulan', 'Rekomendasi'];
    for (const s of sections) await principal.getByLabel(s, { exact: true }).fill(`${s}: program literasi kelas awal ${YEAR}.`);
    await principal.getByRole('button', { name: 'Ajukan laporan' }).click();
    await principal.getByTestId('quorum-status').filter({ hasText: '0 dari 2' }).waitFor();

    for (const [i, email] of [EMAIL.committee1, EMAIL.committee2].entries()) {
      const member = await as(email);
      await openProgram(member, stack.baseUrl, programId, 'report');
      await member.frameLocator('[data-testid="report-preview"]').locator('body').waitFor();
      // The signer is shown the version and full hash their signature names: the hash printed on the report they read.
      await member.getByTestId('signing-what').filter({ hasText: /versi \d+/ }).waitFor();
      const signing = await member.getByTestId('signing-hash').textContent();
      expect(signing).toMatch(/^[0-9a-f]{64}$/);
      expect(await member.frameLocator('[data-testid="report-preview"]').locator('p.hash').textContent()).toBe(signing);
      await screenshot(member, `09-committee-${i + 1}-before-signing`);
      await member.getByRole('button', { name: 'Tanda tangani (setujui)' }).click();
      await member.getByTestId('quorum-status').filter({ hasText: `${i + 1} dari 2` }).waitFor();
    }
    await openProgram(principal, stack.baseUrl, programId, 'report');
    await principal.getByTestId('quorum-status').filter({ hasText: 'Kuorum tercapai' }).waitFor();
    await screenshot(principal, '10-report-signed-off');
    await principal.getByRole('button', { name: 'Tutup program' }).click();
    await waitForStage(principal, 'Selesai');
  });

  it('auditor opens the timeline, moves the slider back to version 1 and verifies the hash chain', async () => {
    const page = await as(EMAIL.auditor);
    await openProgram(page, stack.baseUrl, programId, 'history');
    await page.getByRole('link', { name: 'Tampilan audit' }).click();
    const rows = page.getByTestId('audit-timeline').locator('tbody tr');
    await rows.first().waitFor();
    const count = await rows.count();
    expect(count).toBeGreaterThan(10);
    await page.getByTestId('as-of-state').and(page.locator('[data-stage="closed"]')).waitFor();

    const slider = page.getByLabel('Geser untuk melihat keadaan program pada versi tertentu');
    await slider.focus();
    await page.keyboard.press('Home');
    await page.getByTestId('as-of').filter({ hasText: 'versi 1' }).waitFor();
    await page.getByTestId('as-of-state').and(page.locator('[data-stage="plan"]')).waitFor();
    await screenshot(page, '11-auditor-slider-version-1');

    await page.getByRole('button', { name: 'Verifikasi rantai hash' }).click();
    await page.getByTestId('verify-result').filter({ hasText: 'Rantai hash utuh' }).waitFor();
    expect(await page.getByRole('link', { name: 'Unduh paket ekspor' }).getAttribute('href')).toBe(`/audit/programs/${programId}/export`);
    await screenshot(page, '12-auditor-verified');
  });
});
