// What the directory imports check a sheet against: the regions, schools and users that exist.
// Read once per import (a few thousand rows at most per region), before any row is validated.
import type { DataSource, EntityManager } from 'typeorm';

export interface SnapshotRegion {
  regionId: string;
  name: string;
}

export interface SnapshotSchool {
  schoolId: string;
  npsn: string | null;
  regionId: string;
}

export interface SnapshotUser {
  userId: string;
  /** Lower case. */
  email: string;
  roles: string[];
  regionIds: string[];
}

export interface DirectorySnapshot {
  regions: SnapshotRegion[];
  schools: SnapshotSchool[];
  users: SnapshotUser[];
}

/** The snapshot from Mutu's tables (run it in the import's transaction to read what it will write next to). */
export async function loadDirectorySnapshot(db: Pick<DataSource | EntityManager, 'query'>): Promise<DirectorySnapshot> {
  const [regions, schools, users] = await Promise.all([
    db.query('SELECT region_id AS "regionId", name FROM regions') as Promise<SnapshotRegion[]>,
    db.query('SELECT school_id AS "schoolId", npsn, region_id AS "regionId" FROM schools') as Promise<SnapshotSchool[]>,
    db.query('SELECT user_id AS "userId", lower(email) AS email, roles, region_ids AS "regionIds" FROM users') as Promise<SnapshotUser[]>,
  ]);
  return { regions, schools, users };
}

/** A region by its id or its name (case-insensitive), as a school sheet's Kabupaten/Kota names it. */
export function regionFinder(regions: readonly SnapshotRegion[]): (text: string) => SnapshotRegion | undefined {
  const byKey = new Map<string, SnapshotRegion>();
  for (const r of regions) {
    byKey.set(r.name.trim().toLowerCase(), r);
    byKey.set(r.regionId.toLowerCase(), r);
  }
  return (text) => byKey.get(text.trim().toLowerCase());
}
