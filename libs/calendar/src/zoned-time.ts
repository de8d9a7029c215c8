import { z } from 'zod';
import { addDays, formatLocalDate, LocalDate, parseLocalDate } from './local-date';

/** Indonesia's three zones; any IANA zone works, these are just named for readers. */
export const INDONESIAN_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/** A wall-clock time `HH:MM` (24 h). */
export type LocalTime = string;
const LOCAL_TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const LocalTimeSchema = z.string().regex(LOCAL_TIME_RE, 'must be a time HH:MM (00:00–23:59)');

// Answers per zone name: constructing an Intl formatter to test a zone costs far more than the
// schemas that ask (every command and schedule names its program's zone). Bounded, so arbitrary
// names sent by clients cannot grow it without end.
const zoneValidity = new Map<string, boolean>();
const MAX_REMEMBERED_ZONES = 1_000;

export function isValidTimeZone(timeZone: string): boolean {
  const known = zoneValidity.get(timeZone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    valid = true;
  } catch {
    valid = false;
  }
  if (zoneValidity.size < MAX_REMEMBERED_ZONES) zoneValidity.set(timeZone, valid);
  return valid;
}

export const TimeZoneSchema = z.string().refine(isValidTimeZone, 'must be an IANA time zone');

/** An ISO 8601 instant with an offset or `Z`, e.g. `2026-08-14T01:00:00.000Z`. */
export const InstantSchema = z.iso.datetime({ offset: true });

// One formatter per zone: constructing Intl formatters is the expensive part.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour === 24 ? 0 : parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** The zone's offset from UTC at an instant, in ms (Asia/Jakarta: +7 h). */
function offsetMs(epochMs: number, timeZone: string): number {
  const w = wallClockAt(epochMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

function toMs(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: ${JSON.stringify(instant)}`);
  return ms;
}

/** Normalises any ISO instant to the `toISOString()` form so that instants compare as strings. */
export function normalizeInstant(instant: string): string {
  return new Date(toMs(instant)).toISOString();
}

// Answers per zone, date and time: a stage's schedule asks for the same few dates and send times
// for every program, and each answer costs two Intl.DateTimeFormat#formatToParts calls.
const instants = new Map<string, string>();
const MAX_REMEMBERED_INSTANTS = 20_000;

/**
 * The UTC instant of a wall-clock time in a zone: `('2026-08-14', '08:00', 'Asia/Jakarta')` →
 * `2026-08-14T01:00:00.000Z`. Two passes settle zones with DST; in a DST gap the earlier offset
 * wins. Indonesia has no DST, so for the zones Mutu runs in this is exact.
 */
export function zonedDateTimeToInstant(date: LocalDate, time: LocalTime, timeZone: string): string {
  const key = `${timeZone} ${date} ${time}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const instant = computeInstant(date, time, timeZone);
  // Bounded: past the limit the remembered answers start over (a year of dates in a few zones fits).
  if (instants.size >= MAX_REMEMBERED_INSTANTS) instants.clear();
  instants.set(key, instant);
  return instant;
}

function computeInstant(date: LocalDate, time: LocalTime, timeZone: string): string {
  const { year, month, day } = parseLocalDate(date);
  const m = LOCAL_TIME_RE.exec(time);
  if (!m) throw new RangeError(`Not a local time (HH:MM): ${JSON.stringify(time)}`);
  const guess = Date.UTC(year, month - 1, day, Number(m[1]), Number(m[2]));
  const first = offsetMs(guess, timeZone);
  let result = guess - first;
  const second = offsetMs(result, timeZone);
  if (second !== first) result = guess - second;
  return new Date(result).toISOString();
}

/** The first instant of a local day in a zone (local 00:00). */
export function startOfLocalDay(date: LocalDate, timeZone: string): string {
  return zonedDateTimeToInstant(date, '00:00', timeZone);
}

/** The first instant after a local day ends (local 00:00 of the next day): an exclusive end. */
export function endOfLocalDayExclusive(date: LocalDate, timeZone: string): string {
  return startOfLocalDay(addDays(date, 1), timeZone);
}

/** The local date in a zone at an instant: `2026-08-13T17:30:00Z` is `2026-08-14` in Jakarta. */
export function localDateOf(instant: string, timeZone: string): LocalDate {
  const w = wallClockAt(toMs(instant), timeZone);
  return formatLocalDate({ year: w.year, month: w.month, day: w.day });
}
