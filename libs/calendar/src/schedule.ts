import {
  DeadlineExtension,
  ScheduledDeadline,
  StageSchedule,
  StageScheduleInput,
  StageScheduleInputSchema,
  SIGN_OFF_DEADLINE_KEY,
} from './schedule.types';
import { DeadlineSpec, stageDeadlineSpecs } from './stage-deadlines';
import { createWorkCalendar, WorkCalendar } from './working-days';
import { endOfLocalDayExclusive, normalizeInstant, zonedDateTimeToInstant } from './zoned-time';

function matches(ext: DeadlineExtension, d: DeadlineSpec): boolean {
  if (ext.deadlineKey !== undefined) return ext.deadlineKey === d.key;
  if (ext.stage !== d.stage) return false;
  if (ext.activityId !== undefined) return ext.activityId === d.activityId;
  // A stage-wide extension of the report is about the report, not the committee's sign-off.
  return d.key !== SIGN_OFF_DEADLINE_KEY;
}

/**
 * The deadline schedule of one stage: due dates, reminders and the escalation chain, as plain JSON.
 *
 * Due dates, by stage:
 * - plan: `policy.plan.approvedBy` (MM-DD) of the budget year, or `minWorkingDaysAfterStart` working
 *   days after the stage started, whichever is later (a program started in March still gets time).
 * - assign: the earlier of `workingDaysAfterStart` working days after the start and
 *   `workingDaysBeforeFirstActivity` working days before the earliest window start of a non-dropped
 *   activity — but never before the first working day after the stage started.
 * - execute: each activity that is not `done`/`dropped`, at its window end.
 * - document: each `done` activity, `workingDaysAfterActivityEnd` working days after `actualEnd`
 *   (or the window end when no actual end is recorded).
 * - report: `policy.report.dueBy` of the budget year, or `minWorkingDaysAfterStart` working days
 *   after the start if later; once `submittedAt` is given, only the committee sign-off deadline
 *   (`report:sign-off`), `workingDaysAfterSubmission` working days after the submission day.
 *
 * Then: extensions replace the due date (for one deadline, the last matching extension in the
 * list wins); a due date on a day off moves back to the previous working day; reminders fall on
 * the working day `offset` working days before the due date (0 = the due day) at
 * `reminderLocalTime`; escalation n falls `afterWorkingDays` working days after the due date at the
 * same time. Reminders and escalations before the stage started (for sign-off: before the report
 * was submitted) are dropped; the due instant is kept even when it has passed.
 */
export function computeStageSchedule(rawInput: StageScheduleInput): StageSchedule {
  const parsed = StageScheduleInputSchema.parse(rawInput);
  const input = {
    ...parsed,
    stageStartedAt: normalizeInstant(parsed.stageStartedAt),
    submittedAt: parsed.submittedAt === undefined ? undefined : normalizeInstant(parsed.submittedAt),
  };
  const cal = createWorkCalendar({ timeZone: input.timeZone, ...input.calendar });

  const deadlines = stageDeadlineSpecs(input, cal)
    .map((spec): ScheduledDeadline => {
      const extension = input.extensions.filter((e) => matches(e, spec)).at(-1);
      const due = cal.previousWorkingDayOnOrBefore(extension?.newDueDate ?? spec.dueDate);
      return scheduleDeadline(spec, due, extension !== undefined, cal, input.timeZone, input.reminderLocalTime);
    })
    .sort((a, b) => (a.dueDate === b.dueDate ? cmp(a.key, b.key) : cmp(a.dueDate, b.dueDate)));

  return {
    programId: input.programId,
    stage: input.stage,
    budgetYear: input.budgetYear,
    timeZone: input.timeZone,
    policyVersion: input.policy.version,
    stageStartedAt: input.stageStartedAt,
    reminderLocalTime: input.reminderLocalTime,
    deadlines,
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function scheduleDeadline(
  spec: DeadlineSpec,
  dueDate: string,
  extended: boolean,
  cal: WorkCalendar,
  timeZone: string,
  localTime: string,
): ScheduledDeadline {
  const at = (date: string): string => zonedDateTimeToInstant(date, localTime, timeZone);
  const reminders = [...spec.reminderOffsetsWorkingDays]
    .sort((a, b) => b - a)
    .map((offsetWorkingDays) => {
      const date = cal.addWorkingDays(dueDate, -offsetWorkingDays);
      return { offsetWorkingDays, date, at: at(date) };
    })
    .filter((r) => r.at >= spec.opensAt);
  const escalations = spec.escalations
    .map((step, i) => {
      const date = cal.addWorkingDays(dueDate, step.afterWorkingDays);
      return { level: i + 1, afterWorkingDays: step.afterWorkingDays, toRole: step.toRole, date, at: at(date) };
    })
    .filter((e) => e.at >= spec.opensAt);
  return {
    key: spec.key,
    stage: spec.stage,
    ...(spec.activityId === undefined ? {} : { activityId: spec.activityId }),
    dueDate,
    dueInstant: endOfLocalDayExclusive(dueDate, timeZone),
    ownerRole: spec.ownerRole,
    extended,
    reminders,
    escalations,
  };
}
