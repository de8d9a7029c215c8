// Types only: the school-reporting workflow imports these as types; the worker implements them.
import type { StatutoryReportKind, StatutoryScheduleItem } from '@mutu/calendar';
import type { AppendEventsResult } from '../program/program.activities';
import type { AppendStreamInput } from '../campaign/campaign.activities';

export interface ComputeStatutoryScheduleInput {
  schoolId: string;
  regionId: string;
  budgetYear: number;
  timeZone: string;
  /** The reports still open. */
  reports: StatutoryReportKind[];
}

export interface ComputeStatutoryScheduleResult {
  dueDates: Record<StatutoryReportKind, string>;
  items: StatutoryScheduleItem[];
}

export interface SchoolReportingActivities {
  /** The same `appendEvents` activity as every stream's. */
  appendEvents(input: AppendStreamInput): Promise<AppendEventsResult>;
  computeStatutorySchedule(input: ComputeStatutoryScheduleInput): Promise<ComputeStatutoryScheduleResult>;
}
