import { buildCalendarData, indonesianPublicHolidays } from './holidays';

describe('Indonesian public holidays from date-holidays', () => {
  it('lists New Year, Independence Day and Christmas in 2026 and 2027', () => {
    for (const year of [2026, 2027]) {
      const dates = indonesianPublicHolidays(year).map((h) => h.date);
      expect(dates).toEqual(expect.arrayContaining([`${year}-01-01`, `${year}-08-17`, `${year}-12-25`]));
    }
  });

  it('reads lunar holidays by their local date, not the evening they begin (Idul Adha 2026)', () => {
    const dates = indonesianPublicHolidays(2026).map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-03-20', '2026-03-21', '2026-05-27']));
    expect(dates).not.toContain('2026-05-26');
  });

  it('returns one sorted entry per date, merging holidays that fall together (25 Dec 2027)', () => {
    const holidays = indonesianPublicHolidays(2027);
    const dates = holidays.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    expect(holidays.find((h) => h.date === '2027-12-25')?.name).toContain(' / ');
    expect(dates.every((d) => d.startsWith('2027-'))).toBe(true);
  });

  it('builds plain calendar data with collective leave kept apart from public holidays', () => {
    const data = buildCalendarData({ years: [2026], collectiveLeave: ['2026-12-24'], localDaysOff: ['2026-06-22'] });
    expect(data.timeZone).toBe('Asia/Jakarta');
    expect(data.holidays).toContain('2026-08-17');
    expect(data.extraDaysOff).toEqual(['2026-06-22', '2026-12-24']);
    expect(JSON.parse(JSON.stringify(data))).toStrictEqual(data);
  });
});
