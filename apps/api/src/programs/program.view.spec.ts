import { calendarDate } from './program.view';

describe('calendarDate', () => {
  it('gives the date a date column holds, not its instant in UTC', () => {
    // The driver reads DATE '2026-03-20' as local midnight of that day.
    expect(calendarDate(new Date(2026, 2, 20))).toBe('2026-03-20');
    expect(calendarDate(new Date(2026, 11, 31))).toBe('2026-12-31');
    expect(calendarDate('2026-03-20')).toBe('2026-03-20');
    expect(calendarDate(null)).toBeNull();
  });
});
