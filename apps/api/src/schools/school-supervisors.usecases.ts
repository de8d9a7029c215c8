import { Inject, Injectable } from '@nestjs/common';
import { hasRole, policyInForce, policyStreamId, type Actor } from '@mutu/domain';
import { schoolSupervisorIds, schoolSupervisorsBySchool, setSchoolSupervisors } from '@mutu/persistence';
import { DataSource } from 'typeorm';
import { adminMeta } from '../admin/admin-events';
import { ApiError, notFound } from '../common/api-error';
import { ADMIN_STREAM, GovernanceLog } from '../governance/governance-log';
import type { SetSchoolSupervisorsBody } from './school-supervisors.schemas';

export const SCHOOL_SUPERVISORS_SET = 'SchoolSupervisorsSet';

interface Person {
  userId: string;
  name: string;
}

/** The region's supervisors: active users holding the role with the region in their scope. */
async function regionSupervisors(ds: DataSource, regionId: string): Promise<(Person & { email: string })[]> {
  return ds.query(
    `SELECT user_id AS "userId", name, email FROM users
      WHERE NOT disabled AND 'supervisor' = ANY(roles) AND $1 = ANY(region_ids) ORDER BY name, user_id`,
    [regionId],
  );
}

/** Regions the actor assigns supervisors in: admins any, district officers those they are scoped to. */
function administers(actor: Actor, regionId: string): boolean {
  return hasRole(actor, 'admin') || (hasRole(actor, 'district_officer') && actor.regionIds.includes(regionId));
}

/**
 * Assigned supervisors (pengawas binaan) per school, set by the region's district office or an
 * admin. Each change is a SchoolSupervisorsSet event of the admin stream, appended in the
 * transaction that changes the assignment.
 */
@Injectable()
export class SchoolSupervisorsUseCases {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(GovernanceLog) private readonly log: GovernanceLog,
  ) {}

  async list(actor: Actor, regionId?: string) {
    const all: { regionId: string; name: string }[] = await this.ds.query(
      'SELECT region_id AS "regionId", name FROM regions WHERE ($1::text IS NULL OR region_id = $1) ORDER BY name, region_id',
      [regionId ?? null],
    );
    const regions = all.filter((r) => administers(actor, r.regionId));
    if (regionId && regions.length === 0) throw notFound('region');
    const out = [];
    for (const r of regions) {
      const supervisors = await regionSupervisors(this.ds, r.regionId);
      const names = new Map(supervisors.map((s) => [s.userId, s.name]));
      const schools: { schoolId: string; name: string; npsn: string | null }[] = await this.ds.query(
        'SELECT school_id AS "schoolId", name, npsn FROM schools WHERE region_id = $1 ORDER BY name, school_id',
        [r.regionId],
      );
      const assigned = await schoolSupervisorsBySchool(this.ds, schools.map((s) => s.schoolId));
      out.push({
        ...r,
        supervisors,
        schools: schools.map((s) => {
          const rows = assigned.get(s.schoolId) ?? [];
          const active = rows.filter((a) => names.has(a.userId));
          return {
            ...s,
            // Assignments of people who can no longer act are shown but do not count.
            supervisors: rows.map((a) => ({ userId: a.userId, name: names.get(a.userId) ?? null, active: names.has(a.userId), assignedAt: a.assignedAt, assignedBy: a.assignedBy })),
            fallbackToRegion: active.length === 0,
          };
        }),
      });
    }
    return { regions: out };
  }

  async set(actor: Actor, schoolId: string, body: SetSchoolSupervisorsBody) {
    const [school]: { schoolId: string; regionId: string; name: string }[] = await this.ds.query(
      'SELECT school_id AS "schoolId", region_id AS "regionId", name FROM schools WHERE school_id = $1',
      [schoolId],
    );
    // A school outside the caller's regions answers like one that does not exist.
    if (!school || !administers(actor, school.regionId)) throw notFound('school');
    const ids = [...new Set(body.supervisorIds)].sort();
    const eligible = new Set((await regionSupervisors(this.ds, school.regionId)).map((s) => s.userId));
    const issues = body.supervisorIds
      .map((id, i) => ({ path: `supervisorIds.${i}`, message: `${id} is not an active supervisor of region ${school.regionId}` }))
      .filter((_, i) => !eligible.has(body.supervisorIds[i]));
    if (issues.length > 0) {
      throw new ApiError(422, 'NOT_A_REGION_SUPERVISOR', "Only supervisors of the school's region may be assigned to it.", { issues });
    }
    await this.requireEnoughForPolicy(school, ids.length);
    const before = await schoolSupervisorIds(this.ds, schoolId);
    let changed = false;
    if (JSON.stringify(before) !== JSON.stringify(ids)) {
      const data = { schoolId, regionId: school.regionId, supervisorIds: { from: before, to: ids }, ...adminMeta(actor, [school.regionId]) };
      await this.log.record({ streamId: ADMIN_STREAM, type: SCHOOL_SUPERVISORS_SET, data, actor, apply: (tx) => setSchoolSupervisors(tx, schoolId, ids, actor.userId) });
      changed = true;
    }
    const view = await this.list(actor, school.regionId);
    return { changed, school: view.regions[0]?.schools.find((s) => s.schoolId === schoolId) };
  }

  /** A policy asking for N supervisor approvals cannot be met by fewer assigned supervisors. */
  private async requireEnoughForPolicy(school: { schoolId: string; regionId: string }, count: number): Promise<void> {
    if (count === 0) return;
    const { policy } = policyInForce(await this.log.read(policyStreamId(school.regionId)), school.regionId, school.schoolId);
    const needed = Math.max(...(['plan', 'documentation'] as const).filter((s) => policy[s].role === 'supervisor').map((s) => policy[s].approvals), 0);
    if (count < needed) {
      throw new ApiError(422, 'APPROVALS_EXCEED_ASSIGNED', `The school's approval policy needs ${needed} supervisor approvals; assign at least ${needed} supervisors (or none).`, {
        issues: [{ path: 'supervisorIds', message: `at least ${needed} supervisors, or none` }],
        details: { needed, assigned: count },
      });
    }
  }
}
