import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { UsersRepository } from '../auth/users.repository';
import { ApiError, notFound } from '../common/api-error';
import type { CreateRegionBodySchema, CreateSchoolBodySchema, CreateUserBodySchema, UpdateUserBodySchema } from '../routes/route-schemas';

const USER_COLUMNS = 'user_id AS "userId", email, name, roles, school_ids AS "schoolIds", region_ids AS "regionIds", locale, disabled';

function conflictOn(e: unknown, what: string): never {
  if ((e as { code?: string }).code === '23505') throw new ApiError(409, 'ALREADY_EXISTS', `${what} already exists.`);
  if ((e as { code?: string }).code === '23503') throw new ApiError(422, 'UNKNOWN_REFERENCE', `${what} refers to something that does not exist.`);
  throw e;
}

/** Regions, schools and users: the admin's directory (CRUD-lite, no deletes: history refers to them). */
@Injectable()
export class AdminDirectoryUseCase {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(UsersRepository) private readonly accounts: UsersRepository,
  ) {}

  regions() {
    return this.ds.query('SELECT region_id AS "regionId", name FROM regions ORDER BY region_id');
  }

  async createRegion(b: z.infer<typeof CreateRegionBodySchema>) {
    await this.ds.query('INSERT INTO regions (region_id, name) VALUES ($1, $2)', [b.regionId, b.name]).catch((e) => conflictOn(e, 'region'));
    return b;
  }

  schools() {
    return this.ds.query(
      'SELECT school_id AS "schoolId", region_id AS "regionId", name, npsn, level, time_zone AS "timeZone" FROM schools ORDER BY school_id',
    );
  }

  async createSchool(b: z.infer<typeof CreateSchoolBodySchema>) {
    await this.ds
      .query('INSERT INTO schools (school_id, region_id, name, npsn, level, time_zone) VALUES ($1, $2, $3, $4, $5, $6)', [
        b.schoolId, b.regionId, b.name, b.npsn ?? null, b.level, b.timeZone,
      ])
      .catch((e) => conflictOn(e, 'school'));
    return b;
  }

  users() {
    return this.ds.query(`SELECT ${USER_COLUMNS} FROM users ORDER BY user_id`);
  }

  async createUser(b: z.infer<typeof CreateUserBodySchema>) {
    const hash = await bcrypt.hash(b.password, 10);
    const rows = await this.ds
      .query(
        `INSERT INTO users (user_id, email, name, password_hash, roles, school_ids, region_ids, locale)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${USER_COLUMNS}`,
        [b.userId, b.email, b.name, hash, b.roles, b.schoolIds, b.regionIds, b.locale],
      )
      .catch((e) => conflictOn(e, 'user'));
    return rows[0];
  }

  async updateUser(userId: string, b: z.infer<typeof UpdateUserBodySchema>) {
    const hash = b.password ? await bcrypt.hash(b.password, 10) : null;
    const rows = await this.ds.query(
      `UPDATE users SET name = COALESCE($2, name), roles = COALESCE($3, roles), school_ids = COALESCE($4, school_ids),
              region_ids = COALESCE($5, region_ids), disabled = COALESCE($6, disabled), password_hash = COALESCE($7, password_hash)
        WHERE user_id = $1 RETURNING ${USER_COLUMNS}`,
      [userId, b.name ?? null, b.roles ?? null, b.schoolIds ?? null, b.regionIds ?? null, b.disabled ?? null, hash],
    );
    this.accounts.forget(userId);
    const row = (rows as unknown[][])[0]?.[0] ?? (rows as unknown[])[0];
    if (!row || Array.isArray(row)) throw notFound('user');
    // A disabled user or a changed password ends every refresh session.
    if (b.disabled || b.password) await this.ds.query('UPDATE refresh_tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE user_id = $1', [userId]);
    return row;
  }
}
