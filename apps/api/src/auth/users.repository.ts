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
  /** Set by an admin's password reset: only the change-password route answers until it is changed. */
  mustChangePassword: boolean;
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
  must_change_password?: boolean;
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
  mustChangePassword: r.must_change_password === true,
});

export function actorOf(user: UserRecord): Actor {
  return { userId: user.userId, name: user.name, roles: user.roles, schoolIds: user.schoolIds, regionIds: user.regionIds };
}

/**
 * How long the auth guard reuses an account it read. Every request checks the account behind its
 * token; reading it for each one was half of a list request's database work. A change an admin
 * makes through this process applies at once (`forget`); one made through another API instance
 * applies within this time.
 */
export const ACCOUNT_CACHE_MS = 2_000;
const MAX_CACHED_ACCOUNTS = 10_000;

@Injectable()
export class UsersRepository {
  private readonly accounts = new Map<string, { user: UserRecord | undefined; until: number }>();
  /** Bumped by `forget`: a read that was in flight meanwhile is not cached. */
  private generation = 0;

  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** The account behind a token, as read at most ACCOUNT_CACHE_MS ago. */
  async forToken(userId: string): Promise<UserRecord | undefined> {
    const hit = this.accounts.get(userId);
    if (hit && hit.until > Date.now()) return hit.user;
    const generation = this.generation;
    const user = await this.byId(userId);
    if (generation === this.generation) {
      if (this.accounts.size >= MAX_CACHED_ACCOUNTS) this.accounts.clear();
      this.accounts.set(userId, { user, until: Date.now() + ACCOUNT_CACHE_MS });
    }
    return user;
  }

  /** Drops a changed account, so this process sees the change on its next request. */
  forget(userId: string): void {
    this.generation++;
    this.accounts.delete(userId);
  }

  async byEmail(email: string): Promise<UserRecord | undefined> {
    const rows: UserRow[] = await this.ds.query('SELECT * FROM users WHERE lower(email) = lower($1)', [email]);
    return rows[0] && toRecord(rows[0]);
  }

  async byId(userId: string): Promise<UserRecord | undefined> {
    const rows: UserRow[] = await this.ds.query('SELECT * FROM users WHERE user_id = $1', [userId]);
    return rows[0] && toRecord(rows[0]);
  }
}
