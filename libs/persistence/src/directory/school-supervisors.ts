import type { DataSource, EntityManager } from 'typeorm';

/** A DataSource or a transaction's EntityManager: both answer `query`. */
type Queryable = Pick<DataSource | EntityManager, 'query'>;

export interface SchoolSupervisorAssignment {
  schoolId: string;
  userId: string;
  assignedAt: string;
  assignedBy: string;
}

/**
 * Replaces a school's assigned supervisors with exactly `supervisorUserIds` (an empty list clears
 * them: the school falls back to its region's supervisors). Checks nothing beyond the foreign
 * keys: callers validate that each user is a supervisor of the school's region. Rows kept keep
 * their original assigned_at / assigned_by.
 */
export async function setSchoolSupervisors(
  manager: Queryable,
  schoolId: string,
  supervisorUserIds: string[],
  by: string,
): Promise<void> {
  const ids = [...new Set(supervisorUserIds)];
  await manager.query('DELETE FROM school_supervisors WHERE school_id = $1 AND NOT (user_id = ANY($2::text[]))', [schoolId, ids]);
  if (ids.length === 0) return;
  await manager.query(
    `INSERT INTO school_supervisors (school_id, user_id, assigned_by)
     SELECT $1, u, $3 FROM unnest($2::text[]) AS u
     ON CONFLICT (school_id, user_id) DO NOTHING`,
    [schoolId, ids, by],
  );
}

/** The user ids assigned to a school, sorted; empty when none is assigned. */
export async function schoolSupervisorIds(manager: Queryable, schoolId: string): Promise<string[]> {
  const rows: Array<{ user_id: string }> = await manager.query(
    'SELECT user_id FROM school_supervisors WHERE school_id = $1 ORDER BY user_id',
    [schoolId],
  );
  return rows.map((r) => r.user_id);
}

/** Assignments of many schools at once (for lists), keyed by school id; absent schools have none. */
export async function schoolSupervisorsBySchool(manager: Queryable, schoolIds: string[]): Promise<Map<string, SchoolSupervisorAssignment[]>> {
  const out = new Map<string, SchoolSupervisorAssignment[]>();
  if (schoolIds.length === 0) return out;
  const rows: SchoolSupervisorAssignment[] = await manager.query(
    `SELECT school_id AS "schoolId", user_id AS "userId", assigned_at AS "assignedAt", assigned_by AS "assignedBy"
     FROM school_supervisors WHERE school_id = ANY($1::text[]) ORDER BY school_id, user_id`,
    [schoolIds],
  );
  for (const r of rows) {
    const list = out.get(r.schoolId) ?? [];
    list.push({ ...r, assignedAt: new Date(r.assignedAt).toISOString() });
    out.set(r.schoolId, list);
  }
  return out;
}

/** The schools a supervisor is assigned to (for the inbox: schools assigned elsewhere are not theirs). */
export async function supervisedSchoolIds(manager: Queryable, userId: string): Promise<string[]> {
  const rows: Array<{ school_id: string }> = await manager.query(
    'SELECT school_id FROM school_supervisors WHERE user_id = $1 ORDER BY school_id',
    [userId],
  );
  return rows.map((r) => r.school_id);
}

/**
 * SQL: an assigned supervisor of the school `schoolExpr` who can still act for it (not disabled,
 * still a supervisor, still scoped to the school or its region); with `userExpr`, that user.
 * Assignments of people who can no longer act do not count, so such a school falls back to its region.
 */
export function activeAssignmentExists(schoolExpr: string, userExpr?: string): string {
  return `EXISTS (SELECT 1 FROM school_supervisors ss JOIN users su ON su.user_id = ss.user_id JOIN schools sx ON sx.school_id = ss.school_id
    WHERE ss.school_id = ${schoolExpr} AND NOT su.disabled AND 'supervisor' = ANY(su.roles)
      AND (sx.school_id = ANY(su.school_ids) OR sx.region_id = ANY(su.region_ids))${userExpr ? ` AND ss.user_id = ${userExpr}` : ''})`;
}

/** The school's assigned supervisors who can still act for it (see activeAssignmentExists), sorted. */
export async function activeSchoolSupervisorIds(manager: Queryable, schoolId: string): Promise<string[]> {
  const rows: Array<{ user_id: string }> = await manager.query(
    `SELECT u.user_id FROM users u WHERE ${activeAssignmentExists('$1', 'u.user_id')} ORDER BY u.user_id`,
    [schoolId],
  );
  return rows.map((r) => r.user_id);
}
