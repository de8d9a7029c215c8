// The reminder and escalation schedule of a mentoring cluster's meetings: reminders to the team a
// few working days before each meeting, a documentation deadline some working days after it, and
// an escalation chain (organisers, then the education office) while the documentation is missing.
// Computed outside the workflow (by an activity) from calendar data, like the program schedules.
import { createWorkCalendar, type CalendarData } from './working-days';
import { zonedDateTimeToInstant } from './zoned-time';

export interface MeetingPolicy {
  /** Working days before the meeting on which the team is reminded. */
  reminderOffsets: number[];
  /** Working days after the meeting by which its documentation is due. */
  documentationWorkingDays: number;
  /** Working days after the missed deadline for each escalation level (1 = organisers, 2 = office). */
  escalationWorkingDays: number[];
  /** Local time of day at which reminders and escalations go out. */
  sendAt: string;
}

export const DEFAULT_MEETING_POLICY: MeetingPolicy = {
  reminderOffsets: [5, 2, 1],
  documentationWorkingDays: 5,
  escalationWorkingDays: [2, 5],
  sendAt: '08:00',
};

const ESCALATION_TARGETS = ['organiser', 'district_office'] as const;

export type MeetingScheduleItem =
  | { kind: 'reminder'; at: string; number: number; date: string; offsetWorkingDays: number }
  | { kind: 'overdue'; at: string; number: number; dueDate: string }
  | { kind: 'escalation'; at: string; number: number; dueDate: string; level: number; to: (typeof ESCALATION_TARGETS)[number] };

export interface MeetingScheduleInput {
  timeZone: string;
  meetings: { number: number; plannedDate: string; documented: boolean }[];
  calendar: Pick<CalendarData, 'holidays' | 'extraDaysOff'>;
  policy?: MeetingPolicy;
}

/** Items of every undocumented meeting, sorted by time (documented meetings need nothing more). */
export function computeMeetingSchedule(input: MeetingScheduleInput): MeetingScheduleItem[] {
  const policy = input.policy ?? DEFAULT_MEETING_POLICY;
  const cal = createWorkCalendar({ timeZone: input.timeZone, ...input.calendar });
  const at = (date: string) => zonedDateTimeToInstant(date, policy.sendAt, input.timeZone);
  const items: MeetingScheduleItem[] = [];
  for (const m of input.meetings) {
    if (m.documented) continue;
    for (const offset of policy.reminderOffsets) {
      items.push({ kind: 'reminder', at: at(cal.nthWorkingDayBefore(m.plannedDate, offset)), number: m.number, date: m.plannedDate, offsetWorkingDays: offset });
    }
    const dueDate = cal.addWorkingDays(m.plannedDate, policy.documentationWorkingDays);
    // Overdue the morning of the first working day after the due date.
    items.push({ kind: 'overdue', at: at(cal.addWorkingDays(dueDate, 1)), number: m.number, dueDate });
    policy.escalationWorkingDays.slice(0, ESCALATION_TARGETS.length).forEach((days, i) => {
      items.push({ kind: 'escalation', at: at(cal.addWorkingDays(dueDate, 1 + days)), number: m.number, dueDate, level: i + 1, to: ESCALATION_TARGETS[i] });
    });
  }
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.number - b.number);
}
