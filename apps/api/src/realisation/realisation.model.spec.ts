import ExcelJS from 'exceljs';
import { BOSP_GUIDELINES_63_2023 } from '@mutu/domain';
import { buildRealisation, type PlannedRow, type SpentRow } from './realisation.model';
import { realisationCsv, realisationXlsx } from './realisation.files';

const planned = (program: string, activity: string, component: string, amount: number, start: string, status = 'in_progress'): PlannedRow => ({
  program_id: program, program_title: `Program ${program}`, activity_id: activity, activity_title: activity, component, planned_amount: String(amount), window_start: start, status,
});
const spent = (program: string, id: string, component: string, amount: number, date: string, legacy = false): SpentRow => ({
  program_id: program, activity_id: 'a1', expenditure_id: id, component, spent_on: date, amount: String(amount), payee: '=HYPERLINK("x")', siplah_order_number: null, evidence_sha256: null, legacy,
});

const report = () =>
  buildRealisation(
    { schoolId: 's1', name: 'SD 1' },
    2025,
    { source: null, components: [] },
    [planned('p1', 'a1', 'honor', 1_000, '2025-02-01'), planned('p1', 'a2', 'ppdb', 500, '2025-07-01'), planned('p2', 'a1', 'unmapped', 300, '2025-01-05', 'dropped')],
    [spent('p1', 'e1', 'honor', 700, '2025-06-30'), spent('p1', 'e2', 'honor', 600, '2025-07-01'), spent('p2', 'e3', 'unmapped', 50, '2025-03-01', true)],
  );

describe('realisation report', () => {
  it('splits stage I at 30 June, leaves dropped activities out of the plan, keeps unmapped spending', () => {
    const r = report();
    expect(r.total).toEqual({ key: 'TOTAL', name: 'Total', plannedStage1: 1_000, realisedStage1: 750, planned: 1_500, realised: 1_350, variance: -150, percent: 90 });
    expect(r.components.find((c) => c.key === 'honor')).toMatchObject({ name: 'Pembayaran Honor', realised: 1_300, percent: 130 });
    expect(r.components.at(-1)).toMatchObject({ key: 'unmapped', planned: 0, realised: 50, percent: null });
    expect(r.components.slice(0, 12).map((c) => c.key)).toEqual(BOSP_GUIDELINES_63_2023.components.map((c) => c.code));
    expect(r.programs.map((p) => [p.key, p.realised])).toEqual([['p1', 1_300], ['p2', 50]]);
  });

  it('writes the CSV with the documented header and neutralises formulas', () => {
    const lines = realisationCsv(report()).split('\r\n');
    expect(lines[0]).toBe('section,key,name,planned_stage_1,realised_stage_1,planned_annual,realised_annual,variance_annual,realisation_percent');
    expect(lines.at(-2)).toBe('total,TOTAL,Total,1000,750,1500,1350,-150,90');
  });

  it('writes the workbook with the documented sheets; the Belanja total is the sum', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await realisationXlsx(report())) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Info', 'Komponen', 'Program', 'Belanja']);
    const belanja = wb.getWorksheet('Belanja')!;
    expect(belanja.getRow(belanja.rowCount).values).toEqual([undefined, 'TOTAL', undefined, undefined, undefined, undefined, undefined, undefined, undefined, 1_350]);
    expect(belanja.getRow(2).getCell(6).value).toBe('=HYPERLINK("x")');
  });
});
