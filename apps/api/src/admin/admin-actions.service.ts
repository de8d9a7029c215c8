import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import type { Actor } from '@mutu/domain';
import { DaysOffRepository, type DayOff, type NewDayOff } from '@mutu/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { UsersRepository } from '../auth/users.repository';
import { ApiError, notFound } from '../common/api-error';
import { ADMIN_STREAM, GovernanceLog } from '../governance/governance-log';
import type { CreateRegionBodySchema, CreateSchoolBodySchema, CreateUserBodySchema, UpdateUserBodySchema } from '../routes/route-schemas';
import { adminMeta, userChanges, type UserSnapshot } from './admin-events';

const USER_COLUMNS = 'user_id AS "userId", email, name, roles, school_ids AS "schoolIds", region_ids AS "regionIds", locale, disabled';

function conflictOn(e: unknown, what: string): never {
  if ((e as { code?: string }).code === '23505') throw new ApiError(409, 'ALREADY_EXISTS', `${what} already exists.`);
  if ((e as { code?: string }).code === '23503') throw new ApiError(422, 'UNKNOWN_REFERENCE', `${what} refers to something that does not exist.`);
  throw e;
}

/** The days-off statements run on the transaction's manager (the repository only calls query). */
const daysOffIn = (tx: EntityManager) => new DaysOffRepository(tx as unknown as DataSource);

/**
 * Every admin change is an event of the hash-chained admin stream, appended in the transaction that
 * makes the change: a change without its event (or the reverse) cannot commit.
 */
@Injectable()
export class AdminActions {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(GovernanceLog) private readonly log: GovernanceLog,
    @Inject(UsersRepository) private readonly accounts: UsersRepository,
  ) {}

  private async record<T>(actor: Actor, type: string, data: Record<string, unknown>, apply: (tx: EntityManager) => Promise<T>): Promise<T> {
    const { result } = await this.log.record({ streamId: ADMIN_STREAM, type, data, actor, apply });
    return result;
  }

  async createRegion(actor: Actor, b: z.infer<typeof CreateRegionBodySchema>) {
    await this.record(actor, 'RegionCreated', { regionId: b.regionId, name: b.name, ...adminMeta(actor, [b.regionId]) }, (tx) =>
      tx.query('INSERT INTO regions (region_id, name) VALUES ($1, $2)', [b.regionId, b.name]).catch((e) => conflictOn(e, 'region')),
    );
    return b;
  }

  async createSchool(actor: Actor, b: z.infer<typeof CreateSchoolBodySchema>) {
    const data = { schoolId: b.schoolId, regionId: b.regionId, name: b.name, npsn: b.npsn ?? null, level: b.level, timeZone: b.timeZone, subDistrict: b.subDistrict ?? null };
    await this.record(actor, 'SchoolCreated', { ...data, ...adminMeta(actor, [b.regionId]) }, (tx) =>
      tx
        .query('INSERT INTO schools (school_id, region_id, name, npsn, level, time_zone, sub_district) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          b.schoolId, b.regionId, b.name, b.npsn ?? null, b.level, b.timeZone, b.subDistrict ?? null,
        ])
        .catch((e) => conflictOn(e, 'school')),
    );
    return b;
  }

  async createUser(actor: Actor, b: z.infer<typeof CreateUserBodySchema>) {
    const hash = await bcrypt.hash(b.password, 10);
    const regions = [...b.regionIds, ...(await this.regionsOfSchools(b.schoolIds))];
    const data = { userId: b.userId, email: b.email, name: b.name, roles: b.roles, schoolIds: b.schoolIds, regionIds: b.regionIds, locale: b.locale };
    return this.record(actor, 'UserCreated', { ...data, ...adminMeta(actor, regions) }, async (tx) => {
      const rows = await tx
        .query(
          `INSERT INTO users (user_id, email, name, password_hash, roles, school_ids, region_ids, locale)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${USER_COLUMNS}`,
          [b.userId, b.email, b.name, hash, b.roles, b.schoolIds, b.regionIds, b.locale],
        )
        .catch((e) => conflictOn(e, 'user'));
      return rows[0];
    });
  }

  /** Role grants, scopes, disabling, renaming, password resets: the event says what changed from what. */
  async updateUser(actor: Actor, userId: string, b: z.infer<typeof UpdateUserBodySchema>) {
    const [before]: UserSnapshot[] = await this.ds.query(
      'SELECT name, roles, school_ids AS "schoolIds", region_ids AS "regionIds", disabled FROM users WHERE user_id = $1',
      [userId],
    );
    if (!before) throw notFound('user');
    const hash = b.password ? await bcrypt.hash(b.password, 10) : null;
    const changes = userChanges(before, b);
    const regions = [...before.regionIds, ...(b.regionIds ?? []), ...(await this.regionsOfSchools([...before.schoolIds, ...(b.schoolIds ?? [])]))];
    const data = { userId, changes, passwordReset: b.password !== undefined, ...adminMeta(actor, regions) };
    const row = await this.record(actor, 'UserUpdated', data, async (tx) => {
      const rows: unknown[] = await tx.query(
        `UPDATE users SET name = COALESCE($2, name), roles = COALESCE($3, roles), school_ids = COALESCE($4, school_ids),
                region_ids = COALESCE($5, region_ids), disabled = COALESCE($6, disabled), password_hash = COALESCE($7, password_hash)
          WHERE user_id = $1 RETURNING ${USER_COLUMNS}`,
        [userId, b.name ?? null, b.roles ?? null, b.schoolIds ?? null, b.regionIds ?? null, b.disabled ?? null, hash],
      );
      const updated = (rows as unknown[][])[0]?.[0] ?? rows[0];
      if (!updated || Array.isArray(updated)) throw notFound('user');
      // A disabled user or a changed password ends every refresh session.
      if (b.disabled || b.password) await tx.query('UPDATE refresh_tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE user_id = $1', [userId]);
      return updated;
    });
    this.accounts.forget(userId);
    return row;
  }

  async addDayOff(actor: Actor, day: Omit<NewDayOff, 'createdBy'>): Promise<DayOff> {
    const regionOfSchool = day.schoolId ? await this.regionsOfSchools([day.schoolId]) : [];
    const data = { date: day.date, kind: day.kind, regionId: day.regionId ?? null, schoolId: day.schoolId ?? null, name: day.name };
    return this.record(actor, 'DayOffAdded', { ...data, ...adminMeta(actor, [day.regionId, ...regionOfSchool]) }, (tx) =>
      daysOffIn(tx).add({ ...day, createdBy: actor.userId }),
    );
  }

  async removeDayOff(actor: Actor, dayOffId: string): Promise<void> {
    const [day]: { date: string; kind: string; regionId: string | null; schoolId: string | null; name: string }[] = await this.ds.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, region_id AS "regionId", school_id AS "schoolId", name FROM days_off WHERE day_off_id = $1`,
      [dayOffId],
    );
    if (!day) throw notFound('day off');
    const regionOfSchool = day.schoolId ? await this.regionsOfSchools([day.schoolId]) : [];
    await this.record(actor, 'DayOffRemoved', { dayOffId, ...day, ...adminMeta(actor, [day.regionId, ...regionOfSchool]) }, async (tx) => {
      if (!(await daysOffIn(tx).remove(dayOffId))) throw notFound('day off');
    });
  }

  private async regionsOfSchools(schoolIds: readonly string[]): Promise<string[]> {
    if (schoolIds.length === 0) return [];
    const rows: { region_id: string }[] = await this.ds.query('SELECT DISTINCT region_id FROM schools WHERE school_id = ANY($1::text[])', [schoolIds]);
    return rows.map((r) => r.region_id);
  }
}
