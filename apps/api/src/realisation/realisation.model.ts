// The realisation report as data: planned vs realised per BOSP component and per program, for
// stage I (January–June) and the whole budget year, computed from the realisation read model's
// rows. Pure, so the XLSX, the CSV and the JSON answer share one computation.
import { BOSP_GUIDELINES_63_2023, componentName, type BospComponent } from '@mutu/domain';

export interface PlannedRow {
  program_id: string;
  program_title: string;
  activity_id: string;
  activity_title: string;
  component: string;
  planned_amount: string | number;
  window_start: string;
  status: string;
}

export interface SpentRow {
  program_id: string;
  activity_id: string;
  expenditure_id: string;
  component: string;
  spent_on: string;
  amount: string | number;
  payee: string;
  siplah_order_number: string | null;
  evidence_sha256: string | null;
  legacy: boolean;
}

export interface RealisationLine {
  key: string;
  name: string;
  plannedStage1: number;
  realisedStage1: number;
  planned: number;
  realised: number;
  /** realised − planned over the year. */
  variance: number;
  /** realised / planned in percent, one decimal; null when nothing was planned. */
  percent: number | null;
}

export interface RealisationExpenditure {
  date: string;
  programId: string;
  programTitle: string;
  activityTitle: string;
  component: string;
  componentName: string;
  payee: string;
  siplahOrderNumber: string | null;
  evidenceSha256: string | null;
  amount: number;
  legacy: boolean;
}

export interface RealisationReport {
  schoolId: string;
  schoolName: string;
  budgetYear: number;
  /** The regulation of the component list used for names (the guidelines' own when the year has no list). */
  source: string;
  stage1: { from: string; to: string };
  components: RealisationLine[];
  programs: RealisationLine[];
  total: RealisationLine;
  expenditures: RealisationExpenditure[];
}

const num = (v: string | number) => Number(v);

function line(key: string, name: string, planned: PlannedRow[], spent: SpentRow[], stage1End: string): RealisationLine {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const live = planned.filter((p) => p.status !== 'dropped');
  const p = sum(live.map((x) => num(x.planned_amount)));
  const r = sum(spent.map((x) => num(x.amount)));
  return {
    key,
    name,
    plannedStage1: sum(live.filter((x) => x.window_start <= stage1End).map((x) => num(x.planned_amount))),
    realisedStage1: sum(spent.filter((x) => x.spent_on <= stage1End).map((x) => num(x.amount))),
    planned: p,
    realised: r,
    variance: r - p,
    percent: p === 0 ? null : Math.round((r / p) * 1000) / 10,
  };
}

export function buildRealisation(
  school: { schoolId: string; name: string },
  budgetYear: number,
  list: { source: string | null; components: BospComponent[] },
  planned: PlannedRow[],
  spent: SpentRow[],
): RealisationReport {
  const stage1End = `${budgetYear}-06-30`;
  const components = list.source ? list.components : [...BOSP_GUIDELINES_63_2023.components];
  const codes = [...components.map((c) => c.code)];
  for (const c of [...planned, ...spent].map((x) => x.component)) if (!codes.includes(c)) codes.push(c);
  const programIds = [...new Set([...planned, ...spent].map((x) => x.program_id))].sort();
  const titleOf = new Map(planned.map((p) => [p.program_id, p.program_title]));
  const activityOf = new Map(planned.map((p) => [`${p.program_id}/${p.activity_id}`, p.activity_title]));
  return {
    schoolId: school.schoolId,
    schoolName: school.name,
    budgetYear,
    source: list.source ?? BOSP_GUIDELINES_63_2023.source,
    stage1: { from: `${budgetYear}-01-01`, to: stage1End },
    components: codes.map((code) =>
      line(code, componentName(code, components), planned.filter((p) => p.component === code), spent.filter((s) => s.component === code), stage1End),
    ),
    programs: programIds.map((id) =>
      line(id, titleOf.get(id) ?? id, planned.filter((p) => p.program_id === id), spent.filter((s) => s.program_id === id), stage1End),
    ),
    total: line('TOTAL', 'Total', planned, spent, stage1End),
    expenditures: [...spent]
      .sort((a, b) => a.spent_on.localeCompare(b.spent_on) || a.expenditure_id.localeCompare(b.expenditure_id))
      .map((s) => ({
        date: s.spent_on,
        programId: s.program_id,
        programTitle: titleOf.get(s.program_id) ?? s.program_id,
        activityTitle: activityOf.get(`${s.program_id}/${s.activity_id}`) ?? s.activity_id,
        component: s.component,
        componentName: componentName(s.component, components),
        payee: s.payee,
        siplahOrderNumber: s.siplah_order_number,
        evidenceSha256: s.evidence_sha256,
        amount: num(s.amount),
        legacy: s.legacy,
      })),
  };
}
