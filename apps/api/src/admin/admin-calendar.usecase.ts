import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_DEADLINE_POLICY } from '@mutu/calendar';
import type { Actor } from '@mutu/domain';
import { DeadlinePoliciesRepository, nationalDaysOffOf, NATIONAL_DAYS_OFF, publishDeadlinePolicy, seedNationalDaysOff } from '@mutu/persistence';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { ADMIN_STREAM, GovernanceLog } from '../governance/governance-log';
import type { DaysOffQuery, DeadlinePolicyQuery, SetDeadlinePolicyBody } from './admin-console.schemas';
import { adminMeta } from './admin-events';

/** The budget year under way in Indonesia's westernmost time zone. */
const currentYear = () => Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));

/**
 * The admin console's calendar: days off of a region, the yearly national holidays and collective
 * leave from the committed decree data, and deadline policies per region. Each change is an event
 * of the admin stream appended in the transaction that makes it.
 */
@Injectable()
export class AdminCalendarUseCase {
  private readonly policies: DeadlinePoliciesRepository;

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(GovernanceLog) private readonly log: GovernanceLog,
  ) {
    this.policies = new DeadlinePoliciesRepository(ds);
  }

  /** A year's national days off (collective leave) and those of the region and of its schools. */
  async daysOff({ year = currentYear(), regionId }: DaysOffQuery) {
    if (regionId) await this.requireRegion(regionId);
    return this.ds.query(
      `SELECT d.day_off_id::text AS "dayOffId", to_char(d.date, 'YYYY-MM-DD') AS date, d.kind, d.region_id AS "regionId",
              d.school_id AS "schoolId", d.name
         FROM days_off d LEFT JOIN schools s ON s.school_id = d.school_id
        WHERE extract(year FROM d.date)::int = $1
          AND ((d.region_id IS NULL AND d.school_id IS NULL) OR d.region_id = $2 OR s.region_id = $2)
        ORDER BY d.date, d.day_off_id`,
      [year, regionId ?? null],
    );
  }

  /** The years the committed decree data covers (what "seed year" can load). */
  decreeYears() {
    return NATIONAL_DAYS_OFF.map((d) => ({ year: d.year, decree: d.decree, collectiveLeave: d.collectiveLeave.length, holidays: d.holidays.length }));
  }

  async seedYear(actor: Actor, year: number) {
    const decree = nationalDaysOffOf(year);
    if (!decree) {
      const known = NATIONAL_DAYS_OFF.map((d) => d.year).join(', ');
      throw new ApiError(422, 'NO_DECREE_DATA', `The national days off of ${year} are not in Mutu's decree data (it has ${known}).`);
    }
    const data = { year, decree: decree.decree, ...adminMeta(actor, []) };
    const { result } = await this.log.record({
      streamId: ADMIN_STREAM,
      type: 'NationalDaysOffSeeded',
      data,
      actor,
      apply: (tx) => seedNationalDaysOff(tx, year, actor.userId),
    });
    return result!;
  }

  /** Without a region: the general policy (the newest version of no region). */
  async deadlinePolicy({ regionId }: DeadlinePolicyQuery) {
    if (regionId) await this.requireRegion(regionId);
    const [inForce, versions] = await Promise.all([this.policies.latest(regionId), regionId ? this.policies.ofRegion(regionId) : Promise.resolve([])]);
    return { regionId: regionId ?? null, inForce, ownVersion: versions.length > 0, versions, defaultVersion: DEFAULT_DEADLINE_POLICY.version };
  }

  async setDeadlinePolicy(actor: Actor, body: SetDeadlinePolicyBody) {
    const regionId = body.regionId;
    const exists: unknown[] = await this.ds.query('SELECT 1 FROM regions WHERE region_id = $1', [regionId]);
    if (exists.length === 0) throw new ApiError(422, 'UNKNOWN_REGION', `There is no region ${regionId}.`, { issues: [{ path: 'regionId', message: 'unknown region' }] });
    // Read the default in first, so the new version is numbered after it.
    await this.policies.latest(regionId);
    // The event holds the policy as set; the version number is given by the insert it records.
    const data = { regionId, note: body.note, policy: body.policy, ...adminMeta(actor, [regionId]) };
    const { result } = await this.log.record({
      streamId: ADMIN_STREAM,
      type: 'DeadlinePolicySet',
      data,
      actor,
      apply: (tx) => publishDeadlinePolicy(tx, body.policy, actor.userId, body.note, regionId),
    });
    return { regionId, policy: result };
  }

  private async requireRegion(regionId: string): Promise<void> {
    const rows: unknown[] = await this.ds.query('SELECT 1 FROM regions WHERE region_id = $1', [regionId]);
    if (rows.length === 0) throw new ApiError(404, 'NOT_FOUND', `There is no region ${regionId}.`);
  }
}
