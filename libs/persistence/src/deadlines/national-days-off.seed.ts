import { nationalDaysOffOf } from './national-days-off';
import type { DataSource, EntityManager } from 'typeorm';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

export interface NationalDaysOffSeeded {
  year: number;
  decree: string;
  /** Decreed holidays stored now (dates the year's stored holidays did not have yet). */
  holidaysAdded: string[];
  /** Collective leave days stored now (national days off that did not exist yet). */
  collectiveLeaveAdded: string[];
}

/**
 * Stores a year's national holidays and collective leave (cuti bersama) from the committed decree
 * data (`NATIONAL_DAYS_OFF`, national-days-off.ts). Idempotent and additive: what exists is kept, so
 * an admin's own edits survive a second run. When the year has no stored holidays yet, the
 * decree's list becomes its snapshot (the holidays library is then not consulted for that year).
 * With `oncePerYear` (the automatic load at boot) a year loaded before is left alone, so a day an
 * admin removed stays removed. Returns null when the year's decree is not in the data.
 */
export async function seedNationalDaysOff(db: Queryable, year: number, by: string, opts: { oncePerYear?: boolean } = {}): Promise<NationalDaysOffSeeded | null> {
  const decree = nationalDaysOffOf(year);
  if (!decree) return null;
  const loaded: unknown[] = await db.query(
    `INSERT INTO national_days_off_loads (year, decree, loaded_by) VALUES ($1, $2, $3)
     ON CONFLICT (year) DO ${opts.oncePerYear ? 'NOTHING' : 'UPDATE SET decree = EXCLUDED.decree, loaded_by = EXCLUDED.loaded_by, loaded_at = now()'} RETURNING year`,
    [year, decree.decree, by],
  );
  // Loaded before: the automatic load leaves the year as admins have kept it since.
  if (loaded.length === 0) return { year, decree: decree.decree, holidaysAdded: [], collectiveLeaveAdded: [] };
  const holidays: { date: string }[] = await db.query(
    `INSERT INTO holidays (date, year, name, source) SELECT d::date, $1, n, $4 FROM unnest($2::text[], $3::text[]) AS t(d, n)
     ON CONFLICT (date) DO NOTHING RETURNING to_char(date, 'YYYY-MM-DD') AS date`,
    [year, decree.holidays.map((h) => h.date), decree.holidays.map((h) => h.name), decree.decree.slice(0, 200)],
  );
  const leave: { date: string }[] = await db.query(
    `INSERT INTO days_off (date, kind, region_id, school_id, name, created_by)
     SELECT d::date, 'collective_leave', NULL, NULL, n, $3 FROM unnest($1::text[], $2::text[]) AS t(d, n)
     ON CONFLICT (date, COALESCE(region_id, ''), COALESCE(school_id, '')) DO NOTHING RETURNING to_char(date, 'YYYY-MM-DD') AS date`,
    [decree.collectiveLeave.map((d) => d.date), decree.collectiveLeave.map((d) => d.name), by],
  );
  return { year, decree: decree.decree, holidaysAdded: holidays.map((h) => h.date).sort(), collectiveLeaveAdded: leave.map((d) => d.date).sort() };
}
