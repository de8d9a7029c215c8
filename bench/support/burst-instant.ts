// Where and when an "08:00 burst" can happen a few minutes from now on the real clock. Reminders
// fall at 08:00 local time of the program's zone on a working day, so the burst is the next instant
// at which some IANA zone reads 08:00 on one of its working days; a region's deadline policy then
// puts the plan deadline one working day later, which makes the one-working-day reminder fall at
// that instant for every program of the region started before it.
import {
  addDays,
  computeStageSchedule,
  createWorkCalendar,
  DEFAULT_DEADLINE_POLICY,
  flattenSchedule,
  localDateOf,
  zonedDateTimeToInstant,
  type DeadlinePolicyInput,
  type LocalDate,
} from '@mutu/calendar';

export interface BurstPlan {
  /** The instant every program's reminder falls due (08:00 local in `timeZone`). */
  at: string;
  timeZone: string;
  /** The local working day of the reminder, and the plan's due date one working day later. */
  reminderDate: LocalDate;
  dueDate: LocalDate;
  budgetYear: number;
  /** The region's policy (without version): the default, with the plan due on `dueDate`. */
  policy: Omit<DeadlinePolicyInput, 'version'>;
}

const REMINDER_LOCAL_TIME = '08:00';

/**
 * The earliest instant at or after `earliest` that is 08:00 on a working day of some zone (weekends
 * and `holidays` off), with the policy making it a reminder, checked against the calendar's own
 * schedule: from a stage started at `now`, the first item is that reminder, at that instant.
 */
export function planBurst(now: Date, earliest: Date, holidays: LocalDate[]): BurstPlan {
  const candidates: { at: string; timeZone: string; date: LocalDate }[] = [];
  for (const timeZone of Intl.supportedValuesOf('timeZone')) {
    const first = localDateOf(earliest.toISOString(), timeZone);
    for (const date of [first, addDays(first, 1)]) {
      const at = zonedDateTimeToInstant(date, REMINDER_LOCAL_TIME, timeZone);
      if (Date.parse(at) >= earliest.getTime()) candidates.push({ at, timeZone, date });
    }
  }
  candidates.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.timeZone < b.timeZone ? -1 : 1));
  for (const c of candidates) {
    const cal = createWorkCalendar({ timeZone: c.timeZone, holidays });
    if (!cal.isWorkingDay(c.date)) continue;
    const dueDate = cal.addWorkingDays(c.date, 1);
    const { version: _v, ...base } = DEFAULT_DEADLINE_POLICY;
    const policy = { ...base, plan: { ...base.plan, approvedBy: dueDate.slice(5), minWorkingDaysAfterStart: 1 } };
    const budgetYear = Number(dueDate.slice(0, 4));
    if (dueDate.slice(5) === '02-29') continue;
    const items = flattenSchedule(
      computeStageSchedule({
        programId: 'probe', stage: 'plan', budgetYear, timeZone: c.timeZone, stageStartedAt: now.toISOString(),
        policy: { ...policy, version: 1 }, calendar: { holidays, extraDaysOff: [] },
      }),
    ).filter((i) => Date.parse(i.at) > now.getTime());
    const atBurst = items.filter((i) => i.at === c.at);
    if (items[0]?.at === c.at && atBurst.length === 1 && atBurst[0].kind === 'reminder') {
      return { at: c.at, timeZone: c.timeZone, reminderDate: c.date, dueDate, budgetYear, policy };
    }
  }
  throw new Error(`no zone reads ${REMINDER_LOCAL_TIME} on a working day after ${earliest.toISOString()}`);
}
