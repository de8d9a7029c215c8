import type { DataSource } from 'typeorm';

export interface DayOff {
  dayOffId: string;
  date: string;
  kind: 'collective_leave' | 'local';
  regionId: string | null;
  schoolId: string | null;
  name: string;
  createdBy: string;
}

export interface NewDayOff {
  date: string;
  kind: 'collective_leave' | 'local';
  regionId?: string | null;
  schoolId?: string | null;
  name: string;
  createdBy: string;
}

const COLUMNS = `day_off_id::text AS "dayOffId", to_char(date, 'YYYY-MM-DD') AS date, kind, region_id AS "regionId",
  school_id AS "schoolId", name, created_by AS "createdBy"`;

/** Collective leave (everyone) and local days off (a region or one school), edited by an admin. */
export class DaysOffRepository {
  constructor(private readonly ds: DataSource) {}

  /** Idempotent on (date, region, school): adding the same day twice returns the stored row. */
  async add(day: NewDayOff): Promise<DayOff> {
    const rows: DayOff[] = await this.ds.query(
      `INSERT INTO days_off (date, kind, region_id, school_id, name, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (date, COALESCE(region_id, ''), COALESCE(school_id, '')) DO UPDATE SET name = EXCLUDED.name
       RETURNING ${COLUMNS}`,
      [day.date, day.kind, day.regionId ?? null, day.schoolId ?? null, day.name, day.createdBy],
    );
    return rows[0];
  }

  async remove(dayOffId: string): Promise<boolean> {
    const [, count] = await this.ds.query('DELETE FROM days_off WHERE day_off_id = $1', [dayOffId]);
    return Number(count) > 0;
  }

  /** Days off that apply to one school: national ones, its region's and its own. */
  async forSchool(scope: { schoolId: string; regionId: string }, years: number[]): Promise<DayOff[]> {
    return this.ds.query(
      `SELECT ${COLUMNS} FROM days_off
       WHERE extract(year FROM date)::int = ANY($3::int[])
         AND (region_id IS NULL OR region_id = $2) AND (school_id IS NULL OR school_id = $1)
       ORDER BY date`,
      [scope.schoolId, scope.regionId, years],
    );
  }
}
