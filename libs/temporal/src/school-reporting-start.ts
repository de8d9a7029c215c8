import { WorkflowExecutionAlreadyStartedError, WorkflowIdConflictPolicy, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { statutoryDueDates } from '@mutu/calendar';

// The school reporting workflow's name and id, repeated from workflows/school-reporting (a library
// never imports workflow code); test/unit/workflow-types.spec.ts keeps them equal.
export const SCHOOL_REPORTING_WORKFLOW = 'schoolReportingWorkflow';

export function schoolReportingWorkflowIdOf(schoolId: string, budgetYear: number): string {
  return `school-reporting-${schoolId}-${budgetYear}`;
}

export interface SchoolReportingYear {
  schoolId: string;
  regionId: string;
  budgetYear: number;
  timeZone: string;
}

/**
 * How a school's reporting year is started, by whoever starts it first (the API on a look or a
 * submission, the worker's sweep of the directory): its id is the school and year, an open run is
 * joined, and a year whose run has ended (both reports submitted) is never started again.
 */
export function schoolReportingStartOptions(year: SchoolReportingYear, taskQueue: string) {
  return {
    workflowId: schoolReportingWorkflowIdOf(year.schoolId, year.budgetYear),
    taskQueue,
    args: [{ ...year, dueDates: statutoryDueDates(year.budgetYear) }] as [SchoolReportingYear & { dueDates: ReturnType<typeof statutoryDueDates> }],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
  };
}

/** Starts the year's workflow unless it runs or ran; true when this call started it. */
export async function openSchoolReportingYear(client: Client, taskQueue: string, year: SchoolReportingYear): Promise<boolean> {
  try {
    await client.workflow.start(SCHOOL_REPORTING_WORKFLOW, schoolReportingStartOptions(year, taskQueue));
    return true;
  } catch (e) {
    if (e instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw e;
  }
}
