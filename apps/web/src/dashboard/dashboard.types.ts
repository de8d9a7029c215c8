// The answer of GET /dashboard/region (apps/api/src/dashboard/dashboard.schemas.ts).
export interface ComponentFigure {
  code: string;
  name: string;
  planned: number;
  realised: number;
  percent: number | null;
}

export interface DashboardProgram {
  programId: string;
  title: string;
  stage: string;
  overdue: number;
  dueWithin7Days: number;
  signedOff: boolean;
  planned: number;
  realised: number;
}

export interface DashboardSchool {
  schoolId: string;
  name: string;
  level: string;
  subDistrict: string | null;
  byStage: Record<string, number>;
  overdue: number;
  dueWithin7Days: number;
  signedOff: number;
  planned: number;
  realised: number;
  percent: number | null;
  programs: DashboardProgram[];
}

export interface RegionDashboard {
  regionId: string;
  regionName: string;
  budgetYear: number;
  today: string;
  filters: { level: string | null; subDistrict: string | null; schoolId: string | null };
  choices: { subDistricts: string[]; levels: string[] };
  counters: { schools: number; programs: number; byStage: Record<string, number>; overdueDeadlines: number; programsOverdue: number; dueWithin7Days: number; signedOff: number };
  components: ComponentFigure[];
  schools: DashboardSchool[];
}
