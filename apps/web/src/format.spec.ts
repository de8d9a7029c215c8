import { daysBetween, dateTime, localDate, rupiah, todayIn } from './format';

describe('formatting for Indonesian users', () => {
  it('writes rupiah with dots for thousands and no decimals', () => {
    expect(rupiah(1_500_000)).toBe('Rp 1.500.000');
    expect(rupiah(0)).toBe('Rp 0');
    expect(rupiah(250_000_000)).toBe('Rp 250.000.000');
  });

  it('shows an instant in the school time zone, not the browser one', () => {
    // 17:30 UTC is 00:30 the next day in Jakarta (WIB) and 02:30 in Jayapura (WIT).
    expect(dateTime('2026-03-01T17:30:00Z', 'id', 'Asia/Jakarta')).toMatch(/2 Mar 2026.*00[.:]30.*WIB/);
    expect(dateTime('2026-03-01T17:30:00Z', 'id', 'Asia/Jayapura')).toMatch(/2 Mar 2026.*02[.:]30.*WIT/);
  });

  it('keeps a calendar date on its day whatever the zone', () => {
    expect(localDate('2026-12-31', 'id')).toBe('31 Des 2026');
    expect(localDate('2026-12-31', 'en')).toBe('31 Dec 2026');
  });

  it('counts days between local dates and finds today in a zone', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3);
    expect(todayIn('Asia/Jakarta', new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02');
  });
});
