// The region dashboard as an XLSX workbook (exceljs): the counters, the school × stage matrix, one
// row per program and the realisation per BOSP component. Amounts are whole rupiah, as numbers.
import ExcelJS from 'exceljs';
import { STAGES, type RegionDashboard } from './dashboard.schemas';

const RUPIAH = '#,##0';

function sheet(wb: ExcelJS.Workbook, name: string, columns: [string, string, number?][], rows: object[], money: string[]): void {
  const ws = wb.addWorksheet(name);
  ws.columns = columns.map(([key, header, width]) => ({ key, header, width: width ?? 16 }));
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  for (const key of money) ws.getColumn(key).numFmt = RUPIAH;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function dashboardXlsx(d: RegionDashboard): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mutu';
  const info = wb.addWorksheet('Ringkasan');
  info.addRows([
    ['Dasbor dinas pendidikan'],
    ['Wilayah', `${d.regionName} (${d.regionId})`],
    ['Tahun anggaran', d.budgetYear],
    ['Tanggal', d.today],
    ['Jenjang', d.filters.level ?? 'semua'],
    ['Kecamatan', d.filters.subDistrict ?? 'semua'],
    ['Sekolah', d.counters.schools],
    ['Program', d.counters.programs],
    ['Tenggat terlewat', d.counters.overdueDeadlines],
    ['Program dengan tenggat terlewat', d.counters.programsOverdue],
    ['Tenggat dalam 7 hari', d.counters.dueWithin7Days],
    ['Laporan disahkan', d.counters.signedOff],
  ]);
  info.getColumn(1).width = 32;
  info.getColumn(2).width = 40;
  const stageColumns = STAGES.map((s): [string, string] => [s, s]);
  sheet(wb, 'Sekolah', [['schoolId', 'Kode sekolah', 22], ['name', 'Sekolah', 40], ['level', 'Jenjang', 8], ['subDistrict', 'Kecamatan', 20], ...stageColumns,
    ['overdue', 'Terlewat'], ['dueWithin7Days', '≤ 7 hari'], ['signedOff', 'Disahkan'], ['planned', 'Rencana (Rp)', 18], ['realised', 'Realisasi (Rp)', 18], ['percent', 'Realisasi (%)']],
  d.schools.map((s) => ({ ...s, ...s.byStage })), ['planned', 'realised']);
  sheet(wb, 'Program', [['schoolId', 'Kode sekolah', 22], ['school', 'Sekolah', 36], ['programId', 'Kode program', 30], ['title', 'Program', 44], ['stage', 'Tahap'],
    ['overdue', 'Terlewat'], ['dueWithin7Days', '≤ 7 hari'], ['signedOff', 'Disahkan'], ['planned', 'Rencana (Rp)', 18], ['realised', 'Realisasi (Rp)', 18]],
  d.schools.flatMap((s) => s.programs.map((p) => ({ ...p, schoolId: s.schoolId, school: s.name, signedOff: p.signedOff ? 'ya' : '' }))), ['planned', 'realised']);
  sheet(wb, 'Komponen', [['code', 'Kode', 24], ['name', 'Komponen BOSP', 50], ['planned', 'Rencana (Rp)', 18], ['realised', 'Realisasi (Rp)', 18], ['percent', 'Realisasi (%)']],
    d.components, ['planned', 'realised']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
