// The facts of a program that its deadline schedule depends on, taken from the folded state.
// Pure: the workflow sends them to `computeStageSchedule`, the worker derives them from the whole
// state that runs recorded before them still send.
import { stageEnteredAt, type Program } from '@mutu/domain';
import type { ScheduleFacts } from './program.activities';

export function scheduleFactsOf(program: Program): ScheduleFacts {
  const { report } = program;
  return {
    stage: program.stage,
    schoolId: program.schoolId,
    regionId: program.regionId,
    budgetYear: program.budgetYear,
    timeZone: program.timeZone,
    stageStartedAt: stageEnteredAt(program),
    activities: program.plan.activities.map((a) => ({
      id: a.id,
      window: a.window,
      status: a.status,
      ...(a.execution ? { actualEnd: a.execution.actualEnd } : {}),
    })),
    ...(report.sha256 !== null && report.submittedAt ? { reportSubmittedAt: report.submittedAt } : {}),
    extensions: program.deadlineExtensions.map((e) => ({ stage: e.stage, activityId: e.activityId, newDueDate: e.newDueDate })),
  };
}
