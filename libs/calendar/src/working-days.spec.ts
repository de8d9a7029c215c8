import fc from 'fast-check';
import { buildCalendarData } from './holidays';
import { addDays, fromEpochDay, toEpochDay } from './local-date';
import { createWorkCalendar, WorkCalendar } from './working-days';

const REAL = createWorkCalendar(buildCalendarData({ years: [2024, 2025, 2026, 2027, 2028, 2029, 2030] }));

const dateArb = fc
  .integer({ min: toEpochDay('2025-01-01'), max: toEpochDay('2029-12-31') })
  .map(fromEpochDay);
const nArb = fc.integer({ min: -60, max: 60 });

/** Real holidays, or a random calendar: random days off and any weekend of up to 5 days. */
const calendarArb: fc.Arbitrary<WorkCalendar> = fc.oneof(
  fc.constant(REAL),
  fc
    .record({
      daysOff: fc.array(dateArb, { maxLength: 200 }),
      weekendDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 5 }),
    })
    .map(({ daysOff, weekendDays }) =>
      createWorkCalendar({ timeZone: 'Asia/Jakarta', extraDaysOff: daysOff, weekendDays }),
    ),
);

describe('working-day arithmetic (properties)', () => {
  it('adding n then -n working days returns to a working day', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, nArb, (cal, date, n) => {
        const d = cal.nextWorkingDayOnOrAfter(date);
        expect(cal.addWorkingDays(cal.addWorkingDays(d, n), -n)).toBe(d);
      }),
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) is n when n ≥ 0 or d is a working day', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, nArb, (cal, date, n) => {
        fc.pre(n >= 0 || cal.isWorkingDay(date));
        expect(cal.workingDaysBetween(date, cal.addWorkingDays(date, n))).toBe(n);
      }),
    );
  });

  it('workingDaysBetween is antisymmetric and zero on the same day', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, dateArb, (cal, a, b) => {
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, a)).toBe(0);
        expect(cal.workingDaysBetween(a, a)).toBe(0);
      }),
    );
  });

  it('adding a non-zero number of working days always lands on a working day', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, nArb, (cal, date, n) => {
        fc.pre(n !== 0);
        expect(cal.isWorkingDay(cal.addWorkingDays(date, n))).toBe(true);
      }),
    );
  });

  it('the n-th working day before d is strictly earlier and a working day', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 1, max: 60 }), (cal, date, n) => {
        const before = cal.nthWorkingDayBefore(date, n);
        expect(before < date).toBe(true);
        expect(cal.isWorkingDay(before)).toBe(true);
      }),
    );
  });

  it('is monotonic: a later start or more days never gives an earlier result', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, dateArb, nArb, nArb, (cal, a, b, n, m) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkingDays(lo, n) <= cal.addWorkingDays(hi, n)).toBe(true);
        const [k, l] = n <= m ? [n, m] : [m, n];
        expect(cal.addWorkingDays(a, k) <= cal.addWorkingDays(a, l)).toBe(true);
      }),
    );
  });

  it('rolls a day off back to the closest earlier working day, and keeps a working day', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, (cal, date) => {
        const prev = cal.previousWorkingDayOnOrBefore(date);
        expect(cal.isWorkingDay(prev)).toBe(true);
        expect(prev <= date).toBe(true);
        for (let d = addDays(prev, 1); d <= date; d = addDays(d, 1)) expect(cal.isWorkingDay(d)).toBe(false);
      }),
    );
  });
});

describe('working days in the Indonesian calendar', () => {
  it('treats weekends and public holidays as days off', () => {
    expect(REAL.isWorkingDay('2026-08-14')).toBe(true); // Friday
    expect(REAL.isWorkingDay('2026-08-15')).toBe(false); // Saturday
    expect(REAL.isWorkingDay('2026-08-17')).toBe(false); // Independence Day, a Monday
    expect(REAL.isWorkingDay('2026-12-25')).toBe(false);
    expect(REAL.isWorkingDay('2027-01-01')).toBe(false);
    expect(REAL.isWorkingDay('2027-08-17')).toBe(false); // Tuesday
  });

  it('moves a due date on 17 Aug 2026 (Monday) back to Friday 14 Aug', () => {
    expect(REAL.previousWorkingDayOnOrBefore('2026-08-17')).toBe('2026-08-14');
    expect(REAL.nextWorkingDayOnOrAfter('2026-08-17')).toBe('2026-08-18');
  });

  it('skips the holidays around the turn of the year', () => {
    // 24 Dec 2026 (Thu) + 1 → 28 Dec (Fri 25 is Christmas); 31 Dec 2026 (Thu) + 1 → 4 Jan 2027.
    expect(REAL.addWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
    expect(REAL.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(REAL.workingDaysBetween('2026-12-24', '2027-01-04')).toBe(5); // 28, 29, 30, 31, 4
  });

  it('counts Idul Fitri 2026 (20–21 Mar) and Nyepi (19 Mar) as days off', () => {
    expect(REAL.addWorkingDays('2026-03-18', 1)).toBe('2026-03-23');
    expect(REAL.nthWorkingDayBefore('2026-03-23', 1)).toBe('2026-03-18');
  });

  it('adds collective leave and local days off', () => {
    const cal = createWorkCalendar(
      buildCalendarData({ years: [2026], collectiveLeave: ['2026-08-18'], localDaysOff: ['2026-08-19'] }),
    );
    expect(cal.addWorkingDays('2026-08-14', 1)).toBe('2026-08-20');
  });

  it('refuses non-integer counts, n < 1 for nthWorkingDayBefore, and a week with no working day', () => {
    expect(() => REAL.addWorkingDays('2026-08-14', 1.5)).toThrow(RangeError);
    expect(() => REAL.nthWorkingDayBefore('2026-08-14', 0)).toThrow(RangeError);
    expect(() => createWorkCalendar({ weekendDays: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError);
  });
});
