import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { SchoolReportingCommand, SchoolReportingState } from '@mutu/domain';
import type { CommandEnvelope } from '../program/program.activities';

export const SCHOOL_REPORTING_WORKFLOW_TYPE = 'schoolReportingWorkflow';

/** One workflow per school and budget year; its id is the stream id of the year's events. */
export function schoolReportingWorkflowId(schoolId: string, budgetYear: number): string {
  return `school-reporting-${schoolId}-${budgetYear}`;
}

export interface SchoolReportingWorkflowInput {
  schoolId: string;
  regionId: string;
  budgetYear: number;
  timeZone: string;
}

export interface SchoolReportingOutcome {
  version: number;
  events: { type: string; version: number }[];
  duplicate: boolean;
}

/** The principal's submission of a statutory report, signed by the API like every user command. */
export const recordSubmissionUpdate = defineUpdate<SchoolReportingOutcome, [SchoolReportingCommand, CommandEnvelope?]>('RecordReportSubmission');
export const schoolReportingStateQuery = defineQuery<{ state: SchoolReportingState; version: number }>('schoolReportingState');
