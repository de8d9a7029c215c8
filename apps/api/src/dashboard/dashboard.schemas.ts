// Query of the education office's dashboard and the shape of its answer.
import { z } from 'zod';
import { IdSchema, StageSchema } from '@mutu/domain';

export const SCHOOL_LEVELS = ['SD', 'SMP', 'SMA', 'SMK'] as const;

export const RegionDashboardQuerySchema = z.strictObject({
  /** Defaults to the caller's first region (district officers usually have one). */
  regionId: IdSchema.optional(),
  budgetYear: z.coerce.number().int().min(2000).max(2100).optional(),
  level: z.enum(SCHOOL_LEVELS).optional(),
  subDistrict: z.string().trim().min(1).max(100).optional(),
  /** Drill down to one school of the region. */
  schoolId: IdSchema.optional(),
});
export type RegionDashboardQuery = z.infer<typeof RegionDashboardQuerySchema>;

export type Stage = z.infer<typeof StageSchema>;
export const STAGES = StageSchema.options;

export interface ComponentFigure {
  code: string;
  name: string;
  planned: number;
  realised: number;
  /** realised / planned in percent, one decimal; null when nothing was planned. */
  percent: number | null;
}

export interface DashboardProgram {
  programId: string;
  title: string;
  stage: Stage;
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
  byStage: Record<Stage, number>;
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
  /** The day overdue and "within 7 days" are counted against (the region's first school's time zone). */
  today: string;
  filters: { level: string | null; subDistrict: string | null; schoolId: string | null };
  /** Every sub-district and level of the region's schools (filter choices). */
  choices: { subDistricts: string[]; levels: string[] };
  counters: {
    schools: number;
    programs: number;
    byStage: Record<Stage, number>;
    overdueDeadlines: number;
    programsOverdue: number;
    dueWithin7Days: number;
    signedOff: number;
  };
  components: ComponentFigure[];
  schools: DashboardSchool[];
}
