import { z } from 'zod';

/**
 * A calendar date with no time and no zone, written `YYYY-MM-DD` (ISO 8601). All arithmetic here is
 * integer arithmetic on "epoch days" (days since 1970-01-01), so no JS `Date`, time zone or DST can
 * shift a date by one. Strings compare correctly with `<` because the format is fixed-width.
 */
export type LocalDate = string;

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export interface LocalDateParts {
  year: number;
  month: number;
  day: number;
}

/** Parses and validates (`2026-02-30` is rejected). Throws RangeError. */
export function parseLocalDate(date: LocalDate): LocalDateParts {
  const m = LOCAL_DATE_RE.exec(date);
  if (!m) throw new RangeError(`Not a local date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a valid calendar date: ${date}`);
  }
  return { year, month, day };
}

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
}

export const LocalDateSchema = z.string().refine(isLocalDate, 'must be a valid date YYYY-MM-DD');

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatLocalDate({ year, month, day }: LocalDateParts): LocalDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link toEpochDay} (civil_from_days). */
export function fromEpochDay(epochDay: number): LocalDate {
  const z0 = epochDay + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatLocalDate({ year, month, day });
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** `b - a` in calendar days. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** 0 = Sunday … 6 = Saturday (the JS `getDay` convention). 1970-01-01 was a Thursday. */
export function dayOfWeek(date: LocalDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minLocalDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

export function maxLocalDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

/** `MM-DD` of a given year, e.g. `monthDayInYear(2026, '07-31')`. Rejects `02-29` in common years. */
export function monthDayInYear(year: number, monthDay: string): LocalDate {
  return formatLocalDate(parseLocalDate(`${pad(year, 4)}-${monthDay}`));
}
