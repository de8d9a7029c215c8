import {
  endOfLocalDayExclusive,
  localDateOf,
  normalizeInstant,
  startOfLocalDay,
  zonedDateTimeToInstant,
} from './zoned-time';

describe('wall-clock time in a zone → UTC instant', () => {
  it.each([
    ['Asia/Jakarta', '2026-08-14T01:00:00.000Z'],
    ['Asia/Makassar', '2026-08-14T00:00:00.000Z'],
    ['Asia/Jayapura', '2026-08-13T23:00:00.000Z'],
    ['UTC', '2026-08-14T08:00:00.000Z'],
  ])('08:00 on 14 Aug 2026 in %s is %s', (zone, expected) => {
    expect(zonedDateTimeToInstant('2026-08-14', '08:00', zone)).toBe(expected);
  });

  it('handles zones with daylight saving time (any IANA zone works)', () => {
    expect(zonedDateTimeToInstant('2026-07-01', '08:00', 'Europe/Amsterdam')).toBe('2026-07-01T06:00:00.000Z');
    expect(zonedDateTimeToInstant('2026-01-15', '08:00', 'Europe/Amsterdam')).toBe('2026-01-15T07:00:00.000Z');
  });

  it('answers a remembered zone, date and time as it answered the first time, and keeps refusing bad input', () => {
    const days = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    const first = days.map((d) => [zonedDateTimeToInstant(d, '08:00', 'Asia/Jayapura'), zonedDateTimeToInstant(d, '08:00', 'Europe/Amsterdam')]);
    const again = days.map((d) => [zonedDateTimeToInstant(d, '08:00', 'Asia/Jayapura'), zonedDateTimeToInstant(d, '08:00', 'Europe/Amsterdam')]);
    expect(again).toEqual(first);
    expect(first[0]).toEqual(['2025-12-31T23:00:00.000Z', '2026-01-01T07:00:00.000Z']);
    expect(first[181]).toEqual(['2026-06-30T23:00:00.000Z', '2026-07-01T06:00:00.000Z']);
    for (let i = 0; i < 2; i++) expect(() => zonedDateTimeToInstant('2026-08-14', '08:00', 'Asia/Atlantis')).toThrow(RangeError);
  });

  it('finds the local date of an instant: 17:30Z is already the next day in Jakarta', () => {
    expect(localDateOf('2026-08-13T17:30:00Z', 'Asia/Jakarta')).toBe('2026-08-14');
    expect(localDateOf('2026-08-13T16:59:59Z', 'Asia/Jakarta')).toBe('2026-08-13');
    expect(localDateOf('2026-08-14T00:30:00+07:00', 'Asia/Jayapura')).toBe('2026-08-14');
  });

  it('gives the start and the exclusive end of a local day', () => {
    expect(startOfLocalDay('2026-01-01', 'Asia/Jakarta')).toBe('2025-12-31T17:00:00.000Z');
    expect(endOfLocalDayExclusive('2026-12-31', 'Asia/Jayapura')).toBe('2026-12-31T15:00:00.000Z');
  });

  it('normalises instants and refuses bad input', () => {
    expect(normalizeInstant('2026-08-14T08:00:00+07:00')).toBe('2026-08-14T01:00:00.000Z');
    expect(() => normalizeInstant('yesterday')).toThrow(RangeError);
    expect(() => zonedDateTimeToInstant('2026-08-14', '8:00', 'Asia/Jakarta')).toThrow(RangeError);
    expect(() => zonedDateTimeToInstant('2026-08-14', '08:00', 'Asia/Atlantis')).toThrow(RangeError);
  });
});
