import type { Program, Signature } from '@mutu/domain';
import { reportContent, reportSha256, reportVersion } from './report.model';
import { renderRealisationAttachment } from './realisation-attachment.html';

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const rupiah = (n: number) => `Rp ${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(n)}`;
const tanggal = (iso: string | null | undefined) =>
  iso ? new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(new Date(iso)) : '-';
const para = (text: string) => (text.trim() ? text.split(/\n{2,}/).map((t) => `<p>${esc(t)}</p>`).join('') : '<p class="kosong">(belum diisi)</p>');

const ROLE: Record<string, string> = {
  committee: 'Komite Sekolah', supervisor: 'Pengawas Sekolah', principal: 'Kepala Sekolah', qa_team: 'TPMPS',
  district_officer: 'Dinas Pendidikan', admin: 'Administrator', staff: 'Guru/Tendik', auditor: 'Auditor',
};
const STATUS: Record<string, string> = { planned: 'direncanakan', in_progress: 'berjalan', done: 'selesai', dropped: 'dibatalkan' };

/**
 * The report's one style sheet, inline so the page stands alone (PDF, srcdoc preview). The web
 * app's Content-Security-Policy allows exactly this text by its hash: no style attributes here.
 */
export const REPORT_CSS = `body{font-family:serif;margin:2cm;line-height:1.4}h1,h2,.tengah{text-align:center}.halaman{page-break-after:always}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #444;padding:4px;text-align:left;vertical-align:top}
.hash{font-family:monospace;font-size:9pt;word-break:break-all}.kosong{color:#777;font-style:italic}`;

export interface ReportHtmlContext {
  schoolName: string;
  names: Record<string, string>;
}

/** The implementation report (laporan pelaksanaan) as a printable HTML page, in Bahasa Indonesia. */
export function renderReportHtml(p: Program, ctx: ReportHtmlContext): string {
  const c = reportContent(p);
  const hash = reportSha256(p);
  const who = (id: string | null) => (id ? esc(ctx.names[id] ?? id) : '-');
  const totalPlanned = c.activities.reduce((s, a) => s + a.budget.amount, 0);
  const totalRealised = c.activities.reduce((s, a) => s + (a.execution?.realisedCost ?? 0), 0);
  const signatures = p.report.signatures.filter((s) => s.reportSha256 === hash);
  const version = reportVersion(p);
  // States folded before signatures kept their role: the report approval record has it.
  const roleOf = (s: Signature) => s.role ?? p.approvals.find((a) => a.stage === 'report' && a.by === s.by && a.at === s.at)?.role ?? 'committee';
  const activities = c.activities
    .map(
      (a, i) => `<section class="kegiatan"><h3>2.${i + 1} ${esc(a.title)}</h3>
      <table><tr><th>Waktu rencana</th><td>${esc(a.window.start)} s.d. ${esc(a.window.end)}</td></tr>
      <tr><th>Tempat</th><td>${esc(a.location)}</td></tr>
      <tr><th>Penanggung jawab</th><td>${who(a.personInCharge)}</td></tr>
      <tr><th>Status</th><td>${esc(STATUS[a.status] ?? a.status)}</td></tr>
      <tr><th>Pelaksanaan</th><td>${a.execution ? `${esc(a.execution.actualStart)} s.d. ${esc(a.execution.actualEnd)}` : '-'}</td></tr>
      <tr><th>Anggaran (${esc(a.budget.line)})</th><td>${rupiah(a.budget.amount)}</td></tr>
      <tr><th>Realisasi biaya</th><td>${a.execution ? rupiah(a.execution.realisedCost) : '-'}</td></tr>
      <tr><th>Hasil</th><td>${esc(a.execution?.outcome ?? a.dropReason ?? '-')}</td></tr></table></section>`,
    )
    .join('');
  const evidence = c.activities.flatMap((a) => a.evidence.map((e) => ({ ...e, activity: a.title })));
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Laporan Pelaksanaan — ${esc(c.title)}</title>
<style>${REPORT_CSS}</style></head><body>
<section class="halaman"><h1>LAPORAN PELAKSANAAN PROGRAM PENINGKATAN MUTU</h1><h2>${esc(c.title)}</h2>
<p class="tengah">${esc(ctx.schoolName)}<br>Tahun Anggaran ${c.budgetYear}</p></section>
<section class="halaman"><h2>HALAMAN PENGESAHAN</h2>
<p>Laporan ini disahkan dengan tanda tangan elektronik atas isi laporan dengan sidik SHA-256:</p><p class="hash" data-report-sha256="${hash}">${hash}</p>
<p>Versi laporan: <span data-report-version="${version ?? ''}">${version === null ? 'draf (belum diajukan)' : `v${version}`}</span></p>
<table><tr><th>Penandatangan</th><th>Peran</th><th>Keputusan</th><th>Tanggal</th></tr>${
    signatures.map((s) => `<tr><td>${who(s.by)}</td><td>${esc(ROLE[roleOf(s)] ?? roleOf(s))}</td><td>${s.decision === 'approve' ? 'Menyetujui' : 'Menolak'}</td><td>${tanggal(s.at)}</td></tr>`).join('') ||
    '<tr><td colspan="4" class="kosong">Belum ada tanda tangan</td></tr>'
  }</table>
<table><tr><th>Persetujuan</th><th>Oleh</th><th>Tanggal</th></tr>${c.approvals
    .filter((x) => x.decision === 'approve')
    .map((x) => `<tr><td>${x.stage === 'plan' ? 'Rencana pelaksanaan' : 'Dokumentasi'}</td><td>${who(x.by)}</td><td>${tanggal(x.at)}</td></tr>`)
    .join('')}</table></section>
<section class="halaman"><h2>KATA PENGANTAR</h2><p>Laporan ini disusun sebagai pertanggungjawaban pelaksanaan program
peningkatan mutu di ${esc(ctx.schoolName)} pada tahun anggaran ${c.budgetYear}.</p></section>
<section><h2>BAB I PENDAHULUAN</h2><h3>1.1 Latar Belakang</h3>${para(c.sections.background)}
<h3>1.2 Tujuan</h3>${para(c.sections.objectives)}<ul>${c.plan.objectives.map((o) => `<li>${esc(o)}</li>`).join('')}</ul>
<h3>1.3 Sasaran</h3>${para(c.sections.targets)}<ul>${c.plan.indicators.map((o) => `<li>${esc(o)}</li>`).join('')}</ul>
<h3>1.4 Hasil yang Diharapkan</h3>${para(c.sections.expectedResults)}</section>
<section><h2>BAB II PELAKSANAAN KEGIATAN</h2><h3>Tempat dan Waktu</h3>${para(c.sections.placeAndTime)}
${para(c.sections.activitiesNarrative)}${activities}
<table><tr><th>Total anggaran</th><td>${rupiah(totalPlanned)}</td></tr><tr><th>Total realisasi</th><td>${rupiah(totalRealised)}</td></tr></table>
<h3>Permasalahan dan Solusi</h3>${para(c.sections.problemsAndSolutions)}</section>
<section><h2>PENUTUP</h2><h3>Kesimpulan</h3>${para(c.sections.conclusions)}<h3>Rekomendasi</h3>${para(c.sections.recommendations)}</section>
${renderRealisationAttachment(p)}
<section><h2>LAMPIRAN: DAFTAR BUKTI</h2><table><tr><th>Kegiatan</th><th>Jenis</th><th>Berkas</th><th>Ukuran</th><th>SHA-256</th></tr>${
    evidence.map((e) => `<tr><td>${esc(e.activity)}</td><td>${esc(e.kind)}</td><td>${esc(e.filename)}</td><td>${e.size} B</td><td class="hash">${e.sha256}</td></tr>`).join('') ||
    '<tr><td colspan="5" class="kosong">Tidak ada bukti</td></tr>'
  }</table></section></body></html>`;
}
