import { z } from 'zod';
import { addDays, dayOfWeek, LocalDate, LocalDateSchema, parseLocalDate } from './local-date';
import { DEFAULT_TIME_ZONE, TimeZoneSchema } from './zoned-time';

/**
 * The data a work calendar is built from. It is plain JSON on purpose: holiday tables change every
 * year, so they reach workflows as activity results or start input, never as imported code.
 */
export const CalendarDataSchema = z.object({
  timeZone: TimeZoneSchema.default(DEFAULT_TIME_ZONE),
  /** Public holidays (local dates). */
  holidays: z.array(LocalDateSchema).default([]),
  /** Collective leave (cuti bersama) and local days off (local dates). */
  extraDaysOff: z.array(LocalDateSchema).default([]),
  /** Days of the week that are not worked, 0 = Sunday … 6 = Saturday. Schools: Sat + Sun. */
  weekendDays: z.array(z.number().int().min(0).max(6)).default([0, 6]),
});
export type CalendarData = z.input<typeof CalendarDataSchema>;

// A calendar with no working day in this many days is a data error, not a long search.
const MAX_SEARCH_DAYS = 3660;

export interface WorkCalendar {
  readonly timeZone: string;
  isWorkingDay(date: LocalDate): boolean;
  /**
   * The |n|-th working day after (n > 0) or before (n < 0) `date`, never counting `date` itself.
   * `n = 0` returns `date` unchanged, even when it is not a working day.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate;
  /**
   * Working days in the half-open interval (a, b] when a ≤ b, and minus the count in (b, a] when
   * b < a. So it is antisymmetric, `between(d, d) = 0`, and `between(d, addWorkingDays(d, n)) = n`
   * whenever n ≥ 0 or `d` is a working day. "Submitted on Tuesday, due Monday" is 1 day late.
   */
  workingDaysBetween(a: LocalDate, b: LocalDate): number;
  /** The n-th working day strictly before `date` (n ≥ 1). */
  nthWorkingDayBefore(date: LocalDate, n: number): LocalDate;
  /** `date` if it is a working day, else the closest earlier working day (due-date roll-back). */
  previousWorkingDayOnOrBefore(date: LocalDate): LocalDate;
  /** `date` if it is a working day, else the closest later working day. */
  nextWorkingDayOnOrAfter(date: LocalDate): LocalDate;
}

function assertInteger(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be an integer, got ${n}`);
}

export function createWorkCalendar(data: CalendarData = {}): WorkCalendar {
  const parsed = CalendarDataSchema.parse(data);
  const daysOff = new Set<LocalDate>([...parsed.holidays, ...parsed.extraDaysOff]);
  const weekend = new Set(parsed.weekendDays);
  if (weekend.size === 7) throw new RangeError('A work calendar needs at least one working weekday');

  const isWorkingDay = (date: LocalDate): boolean => {
    parseLocalDate(date);
    return !weekend.has(dayOfWeek(date)) && !daysOff.has(date);
  };

  const step = (date: LocalDate, direction: 1 | -1): LocalDate => {
    let d = date;
    for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
      d = addDays(d, direction);
      if (isWorkingDay(d)) return d;
    }
    throw new RangeError(`No working day within ${MAX_SEARCH_DAYS} days of ${date}`);
  };

  const addWorkingDays = (date: LocalDate, n: number): LocalDate => {
    assertInteger(n, 'n');
    parseLocalDate(date);
    const direction = n < 0 ? -1 : 1;
    let d = date;
    for (let i = 0; i < Math.abs(n); i++) d = step(d, direction);
    return d;
  };

  const countIn = (from: LocalDate, to: LocalDate): number => {
    // Working days in (from, to], from < to.
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
    return count;
  };

  const workingDaysBetween = (a: LocalDate, b: LocalDate): number => {
    parseLocalDate(a);
    parseLocalDate(b);
    if (a === b) return 0;
    if (a < b) return countIn(a, b);
    const back = countIn(b, a);
    return back === 0 ? 0 : -back; // never -0: it survives neither JSON nor Object.is
  };

  const nthWorkingDayBefore = (date: LocalDate, n: number): LocalDate => {
    assertInteger(n, 'n');
    if (n < 1) throw new RangeError(`n must be ≥ 1, got ${n}`);
    return addWorkingDays(date, -n);
  };

  const previousWorkingDayOnOrBefore = (date: LocalDate): LocalDate =>
    isWorkingDay(date) ? date : step(date, -1);

  const nextWorkingDayOnOrAfter = (date: LocalDate): LocalDate =>
    isWorkingDay(date) ? date : step(date, 1);

  return {
    timeZone: parsed.timeZone,
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
    nthWorkingDayBefore,
    previousWorkingDayOnOrBefore,
    nextWorkingDayOnOrAfter,
  };
}
