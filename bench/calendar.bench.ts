// `npm run bench -- calendar`: should libs/calendar's zoned-time arithmetic move to a maintained
// library? Each candidate (date-fns-tz, @date-fns/tz, Luxon) is first checked to give the same
// answers as ours for every day of a year in Indonesia's three zones, then timed two ways in the
// same run:
// - the two zoned conversions alone (local date + time → instant, instant → local date);
// - the whole schedule computation (computeStageSchedule of an execute stage with 12 activities),
//   with the library's conversions swapped in for ours.
// The baseline is our own implementation measured in the same run, in rounds alternating with the
// candidate's; the target is "not slower": the median of the per-round ratios ≤ 1.05. Local-date arithmetic (epoch days) is integer
// arithmetic with no zone and no Date; it is not a candidate and is not timed here.
import { TZDate } from '@date-fns/tz';
import { fromZonedTime, formatInTimeZone } from 'date-fns-tz';
import { DateTime } from 'luxon';
import { addDays, buildCalendarData, computeStageSchedule, DEFAULT_DEADLINE_POLICY, type StageScheduleInput } from '@mutu/calendar';
import * as zoned from '../libs/calendar/src/zoned-time';
import { report, type BenchRow } from './support/bench-env';

interface Conversions {
  toInstant(date: string, time: string, timeZone: string): string;
  localDateOf(instant: string, timeZone: string): string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

const OURS: Conversions = { toInstant: zoned.zonedDateTimeToInstant, localDateOf: zoned.localDateOf };

const CANDIDATES: Record<string, Conversions> = {
  'date-fns-tz': {
    toInstant: (d, t, z) => fromZonedTime(`${d}T${t}:00`, z).toISOString(),
    localDateOf: (i, z) => formatInTimeZone(new Date(i), z, 'yyyy-MM-dd'),
  },
  '@date-fns/tz': {
    toInstant: (d, t, z) => {
      const [y, m, day] = d.split('-').map(Number);
      const [h, min] = t.split(':').map(Number);
      return new Date(new TZDate(y, m - 1, day, h, min, z).getTime()).toISOString();
    },
    localDateOf: (i, z) => {
      const x = new TZDate(Date.parse(i), z);
      return `${x.getFullYear()}-${pad(x.getMonth() + 1)}-${pad(x.getDate())}`;
    },
  },
  luxon: {
    toInstant: (d, t, z) => DateTime.fromISO(`${d}T${t}`, { zone: z }).toUTC().toISO()!,
    localDateOf: (i, z) => DateTime.fromISO(i, { zone: z }).toISODate()!,
  },
};

const ZONES = zoned.INDONESIAN_TIME_ZONES;
const DAYS = Array.from({ length: 365 }, (_, i) => addDays('2026-01-01', i));

function assertAgrees(name: string, c: Conversions): void {
  for (const z of ZONES) {
    for (const d of DAYS) {
      const ours = OURS.toInstant(d, '08:00', z);
      const theirs = c.toInstant(d, '08:00', z);
      if (ours !== theirs) throw new Error(`${name} disagrees on ${d} 08:00 ${z}: ${theirs} vs ${ours}`);
      const late = OURS.toInstant(d, '23:30', z);
      if (c.localDateOf(late, z) !== d) throw new Error(`${name} gives the wrong local date of ${late} in ${z}`);
    }
  }
}

/** µs per call of `fn` (which makes `calls` calls), one timed round. */
function microsPerCall(calls: number, fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1000 / calls;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Ours and the candidate timed in alternating rounds, so that load from other processes falls on
 * both alike: the medians of each side's rounds and the median of the per-round ratios.
 */
function paired(rounds: number, ours: () => number, theirs: () => number): { ours: number; theirs: number; ratio: number } {
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const x = ours();
    const y = theirs();
    a.push(x);
    b.push(y);
    ratios.push(y / x);
  }
  return { ours: median(a), theirs: median(b), ratio: median(ratios) };
}

function conversionsCost(c: Conversions): number {
  return microsPerCall(ZONES.length * DAYS.length, () => {
    for (const z of ZONES) for (const d of DAYS) c.localDateOf(c.toInstant(d, '08:00', z), z);
  });
}

const { holidays } = buildCalendarData({ years: [2026, 2027] });
const SCHEDULE_INPUT: StageScheduleInput = {
  programId: 'bench',
  stage: 'execute',
  budgetYear: 2026,
  timeZone: 'Asia/Makassar',
  stageStartedAt: '2026-02-02T01:00:00Z',
  policy: DEFAULT_DEADLINE_POLICY,
  activities: Array.from({ length: 12 }, (_, i) => ({
    id: `a${i}`,
    window: { start: addDays('2026-03-02', i * 21), end: addDays('2026-03-20', i * 21) },
    status: 'in_progress',
  })),
  extensions: [],
  calendar: { holidays, extraDaysOff: [] },
};

/** The schedule computation with `c`'s conversions in place of ours (the module's exports are swapped). */
function scheduleCost(c: Conversions): number {
  const exports = zoned as unknown as Record<string, unknown>;
  const saved = { ...exports };
  exports.zonedDateTimeToInstant = c.toInstant;
  exports.localDateOf = c.localDateOf;
  exports.endOfLocalDayExclusive = (date: string, tz: string) => c.toInstant(addDays(date, 1), '00:00', tz);
  try {
    return microsPerCall(20, () => {
      for (let i = 0; i < 20; i++) computeStageSchedule(SCHEDULE_INPUT);
    });
  } finally {
    Object.assign(exports, saved);
  }
}

export async function main(): Promise<void> {
  for (const [name, c] of Object.entries(CANDIDATES)) assertAgrees(name, c);
  const reference = computeStageSchedule(SCHEDULE_INPUT);
  const rows: BenchRow[] = [];
  conversionsCost(OURS); // warm-up
  scheduleCost(OURS);
  for (const [name, c] of Object.entries(CANDIDATES)) {
    conversionsCost(c);
    scheduleCost(c);
    const conversion = paired(41, () => conversionsCost(OURS), () => conversionsCost(c));
    const schedule = paired(41, () => scheduleCost(OURS), () => scheduleCost(c));
    rows.push({ name: `${name}: zoned conversion pair`, value: conversion.theirs, unit: 'µs', baseline: { name: 'ours', value: conversion.ours }, target: `median round ratio ${conversion.ratio.toFixed(2)}` });
    rows.push({
      name: `${name}: execute-stage schedule (12 activities)`,
      value: schedule.theirs,
      unit: 'µs',
      baseline: { name: 'ours', value: schedule.ours },
      target: `median round ratio ${schedule.ratio.toFixed(2)} ≤ 1.05`,
      pass: schedule.ratio <= 1.05,
    });
  }
  if (JSON.stringify(computeStageSchedule(SCHEDULE_INPUT)) !== JSON.stringify(reference)) throw new Error('the schedule changed after the swap was undone');
  report('calendar', rows, { deadlines: reference.deadlines.length });
}
