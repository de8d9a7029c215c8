// The realisation report as files: an XLSX workbook (exceljs) and a CSV, laid out as
// docs/realisation-report.md describes. Amounts are whole rupiah, as numbers.
import ExcelJS from 'exceljs';
import type { RealisationLine, RealisationReport } from './realisation.model';

export const LINE_COLUMNS = [
  ['key', 'Kode'],
  ['name', 'Nama'],
  ['plannedStage1', 'Rencana Tahap I'],
  ['realisedStage1', 'Realisasi Tahap I'],
  ['planned', 'Rencana Tahunan'],
  ['realised', 'Realisasi Tahunan'],
  ['variance', 'Selisih Tahunan'],
  ['percent', 'Realisasi (%)'],
] as const satisfies readonly (readonly [keyof RealisationLine, string])[];

const EXPENDITURE_COLUMNS = [
  ['date', 'Tanggal'],
  ['programTitle', 'Program'],
  ['activityTitle', 'Kegiatan'],
  ['component', 'Kode Komponen'],
  ['componentName', 'Komponen BOSP'],
  ['payee', 'Penerima'],
  ['siplahOrderNumber', 'No. Pesanan SIPLah'],
  ['evidenceSha256', 'Bukti (SHA-256)'],
  ['amount', 'Jumlah (Rp)'],
  ['legacy', 'Catatan lama'],
] as const;

const RUPIAH = '#,##0';

function lineSheet(wb: ExcelJS.Workbook, name: string, lines: RealisationLine[], total: RealisationLine): void {
  const ws = wb.addWorksheet(name);
  ws.columns = LINE_COLUMNS.map(([key, header]) => ({ key, header, width: key === 'name' ? 50 : 18 }));
  for (const l of lines) ws.addRow(l);
  ws.addRow(total).font = { bold: true };
  ws.getRow(1).font = { bold: true };
  for (const key of ['plannedStage1', 'realisedStage1', 'planned', 'realised', 'variance']) ws.getColumn(key).numFmt = RUPIAH;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function realisationXlsx(r: RealisationReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mutu';
  const info = wb.addWorksheet('Info');
  info.addRows([
    ['Laporan realisasi BOSP'],
    ['Sekolah', r.schoolName],
    ['Kode sekolah', r.schoolId],
    ['Tahun anggaran', r.budgetYear],
    ['Tahap I', `${r.stage1.from} s.d. ${r.stage1.to}`],
    ['Dasar komponen', r.source],
  ]);
  info.getColumn(1).width = 18;
  info.getColumn(2).width = 90;
  lineSheet(wb, 'Komponen', r.components, r.total);
  lineSheet(wb, 'Program', r.programs, r.total);
  const ws = wb.addWorksheet('Belanja');
  ws.columns = EXPENDITURE_COLUMNS.map(([key, header]) => ({ key, header, width: key === 'evidenceSha256' ? 66 : 22 }));
  for (const e of r.expenditures) ws.addRow({ ...e, legacy: e.legacy ? 'ya' : '' });
  ws.addRow({ date: 'TOTAL', amount: r.total.realised }).font = { bold: true };
  ws.getRow(1).font = { bold: true };
  ws.getColumn('amount').numFmt = RUPIAH;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CSV_HEADER = ['section', 'key', 'name', 'planned_stage_1', 'realised_stage_1', 'planned_annual', 'realised_annual', 'variance_annual', 'realisation_percent'];

/** A cell as RFC 4180 wants it; text that a spreadsheet would run as a formula is prefixed with '. */
function cell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function realisationCsv(r: RealisationReport): string {
  const row = (section: string, l: RealisationLine) =>
    [section, l.key, l.name, l.plannedStage1, l.realisedStage1, l.planned, l.realised, l.variance, l.percent].map(cell).join(',');
  return [
    CSV_HEADER.join(','),
    ...r.components.map((l) => row('component', l)),
    ...r.programs.map((l) => row('program', l)),
    row('total', r.total),
  ].join('\r\n') + '\r\n';
}
