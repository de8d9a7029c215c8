// The workflow tests' own calendar arithmetic, independent of @mutu/calendar: UTC date strings,
// Jakarta at UTC+7 (no DST), weekends and the 2027 national holidays as published.
/** Indonesian public holidays 2027 (national list as published; two fall together on 25 Dec). */
export const HOLIDAYS_2027 = new Set([
  '2027-01-01', '2027-01-05', '2027-02-06', '2027-03-08', '2027-03-09', '2027-03-10', '2027-03-26', '2027-05-01',
  '2027-05-06', '2027-05-16', '2027-05-20', '2027-06-01', '2027-06-06', '2027-08-14', '2027-08-17', '2027-12-25',
]);

const dayMs = 86_400_000;
export const shift = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
export const isWorkday = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) && !HOLIDAYS_2027.has(d);
export const onOrBefore = (d: string): string => (isWorkday(d) ? d : onOrBefore(shift(d, -1)));

/** The |n|-th working day after (n > 0) or before (n < 0) `d`. */
export function workdays(d: string, n: number): string {
  let out = d;
  for (let left = Math.abs(n); left > 0; ) {
    out = shift(out, Math.sign(n));
    if (isWorkday(out)) left -= 1;
  }
  return out;
}

/** Local (WIB) wall-clock instant. */
export const wib = (date: string, time: string) => new Date(Date.parse(`${date}T${time}:00+07:00`)).toISOString();
export const localDate = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
export const localTime = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(11, 16);
