import Holidays from 'date-holidays';
import { LocalDate } from './local-date';
import { CalendarData } from './working-days';
import { DEFAULT_TIME_ZONE } from './zoned-time';

export interface PublicHoliday {
  date: LocalDate;
  /** Names of the holidays on that day, joined with " / " when two fall together. */
  name: string;
}

/**
 * Indonesian public holidays (type `public` only) of a year, from the `date-holidays` package,
 * sorted and one entry per date. Collective leave (cuti bersama) is decreed each year and is not in
 * the package: pass it as `extraDaysOff`. Call this from an activity, never from workflow code: a
 * package update may move a lunar holiday and must not change the replay of running programs.
 */
export function indonesianPublicHolidays(year: number, language: 'id' | 'en' = 'id'): PublicHoliday[] {
  if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
  const hd = new Holidays('ID', { languages: language });
  const byDate = new Map<LocalDate, string[]>();
  for (const h of hd.getHolidays(year)) {
    if (h.type !== 'public') continue;
    // `h.date` is the local wall-clock start, e.g. '2026-03-20 00:00:00 -0600' for Idul Fitri
    // (lunar days start the evening before); the date part is the day off.
    const date = h.date.slice(0, 10);
    const names = byDate.get(date) ?? [];
    if (!names.includes(h.name)) names.push(h.name);
    byDate.set(date, names);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, names]) => ({ date, name: names.join(' / ') }));
}

export interface CalendarDataInput {
  /** Budget years to cover; include the next year when deadlines can spill into January. */
  years: number[];
  timeZone?: string;
  /** Cuti bersama decreed for those years (local dates). */
  collectiveLeave?: LocalDate[];
  /** Regional or school days off (local dates). */
  localDaysOff?: LocalDate[];
}

/** The plain-JSON calendar data that `computeStageSchedule` and `createWorkCalendar` take. */
export function buildCalendarData(input: CalendarDataInput): Required<Omit<CalendarData, 'weekendDays'>> {
  const holidays = [...new Set(input.years)].sort().flatMap((y) => indonesianPublicHolidays(y).map((h) => h.date));
  const extraDaysOff = [...new Set([...(input.collectiveLeave ?? []), ...(input.localDaysOff ?? [])])].sort();
  return { timeZone: input.timeZone ?? DEFAULT_TIME_ZONE, holidays, extraDaysOff };
}
