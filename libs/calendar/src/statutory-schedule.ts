import type { DeadlinePolicy } from './deadline-policy';
import type { LocalDate } from './local-date';
import { annualReportDueDate, stageOneReportDueDate } from './statutory';
import { createWorkCalendar } from './working-days';
import { endOfLocalDayExclusive, zonedDateTimeToInstant } from './zoned-time';

export type StatutoryReportKind = 'stage_one' | 'annual';
export type StatutoryRecipientRole = 'principal' | 'supervisor' | 'district_officer';

/** One thing a school's reporting workflow records at `at`: plain JSON, returned by an activity. */
export interface StatutoryScheduleItem {
  kind: 'reminder' | 'missed' | 'escalation';
  report: StatutoryReportKind;
  /** The statutory date itself (31 July, 31 January): it does not roll to a working day. */
  dueDate: LocalDate;
  at: string;
  /** Reminders: working days before the due date; escalations: the level in the chain; missed: 0. */
  n: number;
  toRole: StatutoryRecipientRole;
  /** Unique within the school's year: the command id of the recorded item derives from it. */
  key: string;
}

export interface StatutoryScheduleInput {
  budgetYear: number;
  timeZone: string;
  /** Public holidays and the school's days off (collective leave, its region's and its own). */
  holidays: LocalDate[];
  extraDaysOff: LocalDate[];
  /** The deadline policy in force: its reminder offsets and escalation chain apply here too. */
  policy: Pick<DeadlinePolicy, 'reminderOffsetsWorkingDays' | 'escalations'>;
  /** Reports still open (a submitted report schedules nothing more). */
  reports: StatutoryReportKind[];
  reminderLocalTime?: string;
}

export function statutoryDueDates(budgetYear: number): Record<StatutoryReportKind, LocalDate> {
  return { stage_one: stageOneReportDueDate(budgetYear), annual: annualReportDueDate(budgetYear) };
}

/**
 * Reminders, the missed-deadline notice and escalations of a school's statutory BOSP reports, in
 * working days of the school's calendar. The due date is the statutory date; when it is not a
 * working day, reminders count back from the last working day before it (offset 0 falls there).
 * The principal, who submits through ARKAS, gets the reminders and the missed notice; the policy's
 * escalation chain then goes to the roles above them (its `owner` and `principal` steps both mean
 * the principal, who is told once).
 */
export function computeStatutorySchedule(input: StatutoryScheduleInput): StatutoryScheduleItem[] {
  const cal = createWorkCalendar({ timeZone: input.timeZone, holidays: input.holidays, extraDaysOff: input.extraDaysOff });
  const time = input.reminderLocalTime ?? '08:00';
  const at = (date: LocalDate) => zonedDateTimeToInstant(date, time, input.timeZone);
  const due = statutoryDueDates(input.budgetYear);
  const chain: { afterWorkingDays: number; toRole: StatutoryRecipientRole }[] = [];
  for (const step of input.policy.escalations) {
    const role = step.toRole === 'owner' ? 'principal' : step.toRole;
    if (role !== 'principal' && role !== 'supervisor' && role !== 'district_officer') continue;
    if (chain.some((c) => c.toRole === role)) continue;
    chain.push({ afterWorkingDays: step.afterWorkingDays, toRole: role });
  }
  const items: StatutoryScheduleItem[] = [];
  for (const report of input.reports) {
    const dueDate = due[report];
    const lastWorkingDay = cal.previousWorkingDayOnOrBefore(dueDate);
    for (const offset of [...input.policy.reminderOffsetsWorkingDays].sort((a, b) => b - a)) {
      const date = cal.addWorkingDays(lastWorkingDay, -offset);
      items.push({ kind: 'reminder', report, dueDate, at: at(date), n: offset, toRole: 'principal', key: `${report}:reminder:${offset}:${dueDate}` });
    }
    items.push({ kind: 'missed', report, dueDate, at: endOfLocalDayExclusive(dueDate, input.timeZone), n: 0, toRole: 'principal', key: `${report}:missed:${dueDate}` });
    chain.forEach((step, i) => {
      const date = cal.addWorkingDays(dueDate, step.afterWorkingDays);
      items.push({ kind: 'escalation', report, dueDate, at: at(date), n: i + 1, toRole: step.toRole, key: `${report}:escalation:${i + 1}:${dueDate}` });
    });
  }
  return items.sort((a, b) => (a.at === b.at ? (a.key < b.key ? -1 : 1) : a.at < b.at ? -1 : 1));
}
