import { Inject, Injectable } from '@nestjs/common';
import type { Actor, Role } from '@mutu/domain';
import { DataSource } from 'typeorm';

export interface UserRecord {
  userId: string;
  email: string;
  name: string;
  passwordHash: string;
  roles: Role[];
  schoolIds: string[];
  regionIds: string[];
  locale: string;
  disabled: boolean;
}

interface UserRow {
  user_id: string;
  email: string;
  name: string;
  password_hash: string;
  roles: Role[];
  school_ids: string[];
  region_ids: string[];
  locale: string;
  disabled: boolean;
}

const toRecord = (r: UserRow): UserRecord => ({
  userId: r.user_id,
  email: r.email,
  name: r.name,
  passwordHash: r.password_hash,
  roles: r.roles,
  schoolIds: r.school_ids,
  regionIds: r.region_ids,
  locale: r.locale,
  disabled: r.disabled,
});

export function actorOf(user: UserRecord): Actor {
  return { userId: user.userId, name: user.name, roles: user.roles, schoolIds: user.schoolIds, regionIds: user.regionIds };
}

@Injectable()
export class UsersRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async byEmail(email: string): Promise<UserRecord | undefined> {
    const rows: UserRow[] = await this.ds.query('SELECT * FROM users WHERE lower(email) = lower($1)', [email]);
    return rows[0] && toRecord(rows[0]);
  }

  async byId(userId: string): Promise<UserRecord | undefined> {
    const rows: UserRow[] = await this.ds.query('SELECT * FROM users WHERE user_id = $1', [userId]);
    return rows[0] && toRecord(rows[0]);
  }
}
