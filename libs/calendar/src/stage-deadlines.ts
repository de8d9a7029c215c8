import { DeadlineRole, EscalationStep, Stage } from './deadline-policy';
import { LocalDate, maxLocalDate, minLocalDate, monthDayInYear } from './local-date';
import { FINISHED_ACTIVITY_STATUSES, ParsedStageScheduleInput, SIGN_OFF_DEADLINE_KEY } from './schedule.types';
import { WorkCalendar } from './working-days';
import { localDateOf } from './zoned-time';

/** A deadline before extensions, roll-back and reminders. */
export interface DeadlineSpec {
  key: string;
  stage: Stage;
  activityId?: string;
  dueDate: LocalDate;
  ownerRole: DeadlineRole;
  reminderOffsetsWorkingDays: number[];
  escalations: EscalationStep[];
  /** Reminders and escalations before this instant are dropped. */
  opensAt: string;
}

type Rule = { ownerRole: DeadlineRole; reminderOffsetsWorkingDays?: number[]; escalations?: EscalationStep[] };

const isFinished = (status: string): boolean => (FINISHED_ACTIVITY_STATUSES as readonly string[]).includes(status);

/** The due dates of one stage, by the rules documented on `computeStageSchedule`. */
export function stageDeadlineSpecs(input: ParsedStageScheduleInput, cal: WorkCalendar): DeadlineSpec[] {
  const { policy, stage, budgetYear, timeZone, stageStartedAt } = input;
  const startDate = localDateOf(stageStartedAt, timeZone);

  const spec = (key: string, dueDate: LocalDate, rule: Rule, extra: Partial<DeadlineSpec> = {}): DeadlineSpec => ({
    key,
    stage,
    dueDate,
    ownerRole: rule.ownerRole,
    reminderOffsetsWorkingDays: rule.reminderOffsetsWorkingDays ?? policy.reminderOffsetsWorkingDays,
    escalations: rule.escalations ?? policy.escalations,
    opensAt: stageStartedAt,
    ...extra,
  });

  const activityRule = (base: Rule, activityId: string, s: 'execute' | 'document'): Rule => {
    const o = policy.activityOverrides.find((x) => x.activityId === activityId && x.stage === s);
    return {
      ownerRole: o?.ownerRole ?? base.ownerRole,
      reminderOffsetsWorkingDays: o?.reminderOffsetsWorkingDays ?? base.reminderOffsetsWorkingDays,
      escalations: o?.escalations ?? base.escalations,
    };
  };

  switch (stage) {
    case 'plan': {
      const fixed = monthDayInYear(budgetYear, policy.plan.approvedBy);
      const latest = cal.addWorkingDays(startDate, policy.plan.minWorkingDaysAfterStart);
      return [spec('plan', maxLocalDate(fixed, latest), policy.plan)];
    }
    case 'assign': {
      const rule = policy.assign;
      let due = cal.addWorkingDays(startDate, rule.workingDaysAfterStart);
      const starts = input.activities.filter((a) => a.status !== 'dropped').map((a) => a.window.start);
      if (starts.length > 0) {
        const earliest = starts.reduce(minLocalDate);
        const beforeFirst = cal.addWorkingDays(
          cal.previousWorkingDayOnOrBefore(earliest),
          -rule.workingDaysBeforeFirstActivity,
        );
        due = minLocalDate(due, beforeFirst);
      }
      return [spec('assign', maxLocalDate(due, cal.addWorkingDays(startDate, 1)), rule)];
    }
    case 'execute':
      return input.activities
        .filter((a) => !isFinished(a.status))
        .map((a) =>
          spec(`execute:${a.id}`, a.window.end, activityRule(policy.execute, a.id, 'execute'), { activityId: a.id }),
        );
    case 'document':
      return input.activities
        .filter((a) => a.status === 'done')
        .map((a) => {
          const o = policy.activityOverrides.find((x) => x.activityId === a.id && x.stage === 'document');
          const n = o?.workingDaysAfterActivityEnd ?? policy.document.workingDaysAfterActivityEnd;
          const due = cal.addWorkingDays(a.actualEnd ?? a.window.end, n);
          return spec(`document:${a.id}`, due, activityRule(policy.document, a.id, 'document'), { activityId: a.id });
        });
    case 'report': {
      if (input.submittedAt === undefined) {
        const fixed = monthDayInYear(budgetYear, policy.report.dueBy);
        const latest = cal.addWorkingDays(startDate, policy.report.minWorkingDaysAfterStart);
        return [spec('report', maxLocalDate(fixed, latest), policy.report)];
      }
      const submittedOn = localDateOf(input.submittedAt, timeZone);
      const due = cal.addWorkingDays(submittedOn, policy.signOff.workingDaysAfterSubmission);
      const opensAt = input.submittedAt > stageStartedAt ? input.submittedAt : stageStartedAt;
      return [spec(SIGN_OFF_DEADLINE_KEY, due, policy.signOff, { opensAt })];
    }
    default: {
      const never: never = stage;
      throw new Error(`Unknown stage ${String(never)}`);
    }
  }
}
