import fc from 'fast-check';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  fromEpochDay,
  isLocalDate,
  monthDayInYear,
  parseLocalDate,
  toEpochDay,
} from './local-date';

describe('local dates', () => {
  it('epoch days agree with Date.UTC for every day from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 84000 }), (n) => {
        const viaDate = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(fromEpochDay(n)).toBe(viaDate);
        expect(toEpochDay(viaDate)).toBe(n);
        expect(dayOfWeek(viaDate)).toBe(new Date(n * 86_400_000).getUTCDay());
      }),
    );
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('knows 17 August 2026 is a Monday and 1 January 2026 a Thursday', () => {
    expect(dayOfWeek('2026-08-17')).toBe(1);
    expect(dayOfWeek('2026-01-01')).toBe(4);
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-04-31', '2026-1-01', '26-01-01', '2026-01-01T00:00Z', '']) {
      expect(isLocalDate(bad)).toBe(false);
      expect(() => parseLocalDate(bad)).toThrow(RangeError);
    }
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(() => monthDayInYear(2027, '02-29')).toThrow(RangeError);
  });
});
