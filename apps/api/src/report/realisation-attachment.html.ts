// The implementation report's attachment table of BOSP realisation: planned vs realised per
// component for this program, and the expenditures behind it (legacy realised costs included).
import { BOSP_GUIDELINES_63_2023, budgetComponentOf, componentName, expendituresOf, varianceOf, type Program } from '@mutu/domain';

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const rupiah = (n: number) => `Rp ${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(n)}`;

export function renderRealisationAttachment(p: Program): string {
  const names = BOSP_GUIDELINES_63_2023.components;
  const rows = new Map<string, { planned: number; realised: number }>();
  const at = (code: string) => rows.get(code) ?? rows.set(code, { planned: 0, realised: 0 }).get(code)!;
  for (const a of p.plan.activities) {
    if (a.status !== 'dropped') at(budgetComponentOf(a.budget)).planned += a.budget.amount;
    for (const e of expendituresOf(a)) at(e.component).realised += e.amount;
  }
  const totals = [...rows.values()].reduce((t, r) => ({ planned: t.planned + r.planned, realised: t.realised + r.realised }), { planned: 0, realised: 0 });
  const components = [...rows.entries()]
    .map(([code, r]) => `<tr><td>${esc(componentName(code, names))}</td><td>${rupiah(r.planned)}</td><td>${rupiah(r.realised)}</td><td>${rupiah(r.realised - r.planned)}</td></tr>`)
    .join('');
  const spending = p.plan.activities.flatMap((a) => {
    const v = varianceOf(a);
    return expendituresOf(a).map(
      (e) => `<tr><td>${esc(e.date)}</td><td>${esc(a.title)}</td><td>${esc(componentName(e.component, names))}</td><td>${esc(e.legacy ? '(realisasi tercatat sebelum rincian belanja)' : e.payee)}</td>
      <td>${esc(e.siplahOrderNumber ?? '-')}</td><td class="hash">${esc(e.evidenceSha256 ?? '-')}</td><td>${rupiah(e.amount)}</td><td>${v.overspent ? 'melebihi rencana' : ''}</td></tr>`,
    );
  });
  return `<section data-attachment="realisation"><h2>LAMPIRAN: REALISASI ANGGARAN PER KOMPONEN BOSP</h2>
<table><tr><th>Komponen BOSP</th><th>Rencana</th><th>Realisasi</th><th>Selisih</th></tr>${components ||
    '<tr><td colspan="4" class="kosong">Tidak ada anggaran</td></tr>'}
<tr><th>Total</th><th>${rupiah(totals.planned)}</th><th>${rupiah(totals.realised)}</th><th>${rupiah(totals.realised - totals.planned)}</th></tr></table>
<h3>Rincian belanja</h3><table><tr><th>Tanggal</th><th>Kegiatan</th><th>Komponen</th><th>Penerima</th><th>No. SIPLah</th><th>Bukti (SHA-256)</th><th>Jumlah</th><th>Catatan</th></tr>${
    spending.join('') || '<tr><td colspan="8" class="kosong">Belum ada belanja</td></tr>'
  }</table></section>`;
}
