import { LocalDate, monthDayInYear, parseLocalDate } from './local-date';
import { DEFAULT_TIME_ZONE, endOfLocalDayExclusive, localDateOf, startOfLocalDay } from './zoned-time';

/** The budget year (tahun anggaran) runs 1 January – 31 December, unlike the school year (July). */
export function budgetYearOf(date: LocalDate): number {
  return parseLocalDate(date).year;
}

/** The budget year of an instant, read on the wall clock of `timeZone` (default Asia/Jakarta). */
export function budgetYearOfInstant(instant: string, timeZone: string = DEFAULT_TIME_ZONE): number {
  return budgetYearOf(localDateOf(instant, timeZone));
}

export interface BudgetYearBounds {
  budgetYear: number;
  /** First day, `YYYY-01-01`. */
  start: LocalDate;
  /** Last day, `YYYY-12-31`. */
  end: LocalDate;
  /** Local 00:00 on 1 January, as a UTC instant. */
  startsAt: string;
  /** Local 00:00 on 1 January of the next year (exclusive end), as a UTC instant. */
  endsBefore: string;
}

export function budgetYearBounds(budgetYear: number, timeZone: string = DEFAULT_TIME_ZONE): BudgetYearBounds {
  if (!Number.isInteger(budgetYear)) throw new RangeError(`budgetYear must be an integer, got ${budgetYear}`);
  const start = monthDayInYear(budgetYear, '01-01');
  const end = monthDayInYear(budgetYear, '12-31');
  return {
    budgetYear,
    start,
    end,
    startsAt: startOfLocalDay(start, timeZone),
    endsBefore: endOfLocalDayExclusive(end, timeZone),
  };
}

export function isInBudgetYear(date: LocalDate, budgetYear: number): boolean {
  return budgetYearOf(date) === budgetYear;
}
