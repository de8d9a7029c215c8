import { indonesianPublicHolidays, type LocalDate } from '@mutu/calendar';
import type { DataSource } from 'typeorm';

export interface StoredHoliday {
  date: LocalDate;
  name: string;
}

/**
 * Public holidays per year, snapshotted from the `date-holidays` library the first time a year is
 * needed, so a library update does not move the deadlines of a year already under way.
 */
export class HolidaysRepository {
  /** A stored year never changes (see above), so a process may keep it. */
  private readonly cache = new Map<number, StoredHoliday[]>();

  constructor(private readonly ds: DataSource) {}

  async forYears(years: number[]): Promise<StoredHoliday[]> {
    const wanted = [...new Set(years)].sort();
    const out: StoredHoliday[] = [];
    for (const year of wanted) out.push(...(await this.year(year)));
    return out;
  }

  private async year(year: number): Promise<StoredHoliday[]> {
    const cached = this.cache.get(year);
    if (cached) return cached;
    await this.ensureYear(year);
    const rows: StoredHoliday[] = await this.ds.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, name FROM holidays WHERE year = $1 ORDER BY date`,
      [year],
    );
    this.cache.set(year, rows);
    return rows;
  }

  private async ensureYear(year: number): Promise<void> {
    const [{ n }] = await this.ds.query('SELECT count(*)::int AS n FROM holidays WHERE year = $1', [year]);
    if (n > 0) return;
    const holidays = indonesianPublicHolidays(year);
    if (holidays.length === 0) return;
    await this.ds.query(
      `INSERT INTO holidays (date, year, name) SELECT d::date, $1, n FROM unnest($2::text[], $3::text[]) AS t(d, n)
       ON CONFLICT (date) DO NOTHING`,
      [year, holidays.map((h) => h.date), holidays.map((h) => h.name)],
    );
  }
}
