import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * Failed sign-ins per (email, IP) in a fixed window that starts at the first failure; past the
 * limit the pair gets 429 until the window ends. The counts live in PostgreSQL (login_attempts), so
 * every API replica sees the same ones, and the database's clock decides the window. A failure is
 * counted with one atomic upsert; sign-ins already past the check when the limit is reached still
 * finish, so a burst can overshoot by the requests in flight, never more. Rows whose window has
 * ended are swept every ten minutes by each replica (and ignored before that).
 */
@Injectable()
export class LoginRateLimiter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LoginRateLimiter.name);
  private sweeper: NodeJS.Timeout | undefined;

  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => {
      this.sweep().catch((e: Error) => this.logger.warn(`login_attempts sweep failed: ${e.message}`));
    }, SWEEP_EVERY_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** Hashed: the table holds neither emails nor addresses, and any input fits (even a NUL). */
  private key(email: string, ip: string): string {
    return createHash('sha256').update(`${email.toLowerCase()}\n${ip}`).digest('hex');
  }

  /** Throws 429 RATE_LIMITED while the pair has LOGIN_MAX_FAILURES failures in its window. */
  async check(email: string, ip: string, now?: Date): Promise<void> {
    const rows: { failures: number; remaining_ms: number }[] = await this.ds.query(
      `SELECT a.failures, EXTRACT(EPOCH FROM (a.window_started_at + $2 * interval '1 millisecond' - t.now)) * 1000 AS remaining_ms
       FROM login_attempts a, (SELECT COALESCE($3::timestamptz, now()) AS now) t
       WHERE a.key = $1 AND a.window_started_at > t.now - $2 * interval '1 millisecond'`,
      [this.key(email, ip), LOGIN_WINDOW_MS, now ?? null],
    );
    const row = rows[0];
    if (row && row.failures >= LOGIN_MAX_FAILURES) {
      const retryAfter = Math.max(1, Math.ceil(Number(row.remaining_ms) / 1000));
      throw new ApiError(429, 'RATE_LIMITED', 'Too many failed sign-ins; try again later.', { details: { retryAfterSeconds: retryAfter } });
    }
  }

  /** Counts one failure (a new window when the last one has ended); returns the failures in the window. */
  async recordFailure(email: string, ip: string, now?: Date): Promise<number> {
    const rows: { failures: number }[] = await this.ds.query(
      `INSERT INTO login_attempts AS a (key, window_started_at, failures) VALUES ($1, COALESCE($3::timestamptz, now()), 1)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN a.window_started_at > EXCLUDED.window_started_at - $2 * interval '1 millisecond' THEN a.failures + 1 ELSE 1 END,
         window_started_at = CASE WHEN a.window_started_at > EXCLUDED.window_started_at - $2 * interval '1 millisecond' THEN a.window_started_at ELSE EXCLUDED.window_started_at END
       RETURNING failures`,
      [this.key(email, ip), LOGIN_WINDOW_MS, now ?? null],
    );
    return rows[0].failures;
  }

  async reset(email: string, ip: string): Promise<void> {
    await this.ds.query('DELETE FROM login_attempts WHERE key = $1', [this.key(email, ip)]);
  }

  /** Deletes the rows whose window has ended; returns how many. */
  async sweep(now?: Date): Promise<number> {
    const rows: unknown[] = await this.ds.query(
      `DELETE FROM login_attempts WHERE window_started_at <= COALESCE($2::timestamptz, now()) - $1 * interval '1 millisecond' RETURNING key`,
      [LOGIN_WINDOW_MS, now ?? null],
    );
    return rows.length;
  }
}
