// What the import looks up: schools (by NPSN or school id), users (by email) and regions. One
// query per kind for the whole sheet, however many rows it has.
import type { DataSource } from 'typeorm';

export interface DirectorySchool {
  schoolId: string;
  npsn: string | null;
  name: string;
  regionId: string;
}

export interface DirectoryUser {
  userId: string;
  /** Lower case. */
  email: string;
  name: string;
  roles: string[];
  schoolIds: string[];
  regionIds: string[];
  /** The regions of the user's schools (a principal has schools, not regions). */
  schoolRegionIds: string[];
}

/** The sheet's schools (by NPSN and by school id) and users (by email) found in the directory. */
export interface Resolved {
  schools: Map<string, DirectorySchool>;
  users: Map<string, DirectoryUser>;
}

export interface CampaignDirectory {
  /** The schools whose NPSN or school id is one of `keys`. */
  findSchools(keys: readonly string[]): Promise<DirectorySchool[]>;
  /** Enabled users whose email (compared case-insensitively) is one of `emails`. */
  findUsers(emails: readonly string[]): Promise<DirectoryUser[]>;
  regionExists(regionId: string): Promise<boolean>;
}

/** The directory over Mutu's `schools`, `users` and `regions` tables. */
export class SqlCampaignDirectory implements CampaignDirectory {
  constructor(private readonly ds: DataSource) {}

  async findSchools(keys: readonly string[]): Promise<DirectorySchool[]> {
    if (keys.length === 0) return [];
    const rows: { school_id: string; npsn: string | null; name: string; region_id: string }[] = await this.ds.query(
      'SELECT school_id, npsn, name, region_id FROM schools WHERE school_id = ANY($1::text[]) OR npsn = ANY($1::text[])',
      [[...keys]],
    );
    return rows.map((r) => ({ schoolId: r.school_id, npsn: r.npsn, name: r.name, regionId: r.region_id }));
  }

  async findUsers(emails: readonly string[]): Promise<DirectoryUser[]> {
    if (emails.length === 0) return [];
    type Row = { user_id: string; email: string; name: string; roles: string[]; school_ids: string[]; region_ids: string[]; school_region_ids: string[] };
    const rows: Row[] = await this.ds.query(
      `SELECT u.user_id, lower(u.email) AS email, u.name, u.roles, u.school_ids, u.region_ids,
              ARRAY(SELECT DISTINCT s.region_id FROM schools s WHERE s.school_id = ANY(u.school_ids)) AS school_region_ids
         FROM users u
        WHERE lower(u.email) = ANY($1::text[]) AND NOT u.disabled`,
      [emails.map((e) => e.toLowerCase())],
    );
    return rows.map((r) => ({ userId: r.user_id, email: r.email, name: r.name, roles: r.roles, schoolIds: r.school_ids, regionIds: r.region_ids, schoolRegionIds: r.school_region_ids }));
  }

  async regionExists(regionId: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query('SELECT 1 FROM regions WHERE region_id = $1', [regionId]);
    return rows.length > 0;
  }
}
