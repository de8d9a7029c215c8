import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '@mutu/config';
import { canonicalJson } from '@mutu/persistence';
import { ApiError } from '../common/api-error';

const SWEEP_EVERY_MS = 10 * 60 * 1000;
const SWEEP_BATCH = 10_000;

export interface StoredResponse<T = unknown> {
  statusCode: number;
  body: T;
}

/**
 * Idempotency-Key handling: the first successful response for (user, key) is stored with a
 * fingerprint of the request; a repeat gets the stored response, a different request under the
 * same key gets 422. Concurrent repeats all return the response that was stored first. Records
 * live in PostgreSQL (every replica answers a repeat the same way) for
 * IDEMPOTENCY_RETENTION_HOURS: an older record is ignored, replaced by a new use of its key, and
 * deleted by a sweep each replica runs every ten minutes. (A command repeated after that is still
 * recorded once: the event store refuses a second command with the same id.)
 */
@Injectable()
export class IdempotencyService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyService.name);
  private readonly retentionMs: number;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(CONFIG) config: Config,
  ) {
    this.retentionMs = config.IDEMPOTENCY_RETENTION_HOURS * 3_600_000;
  }

  onModuleInit(): void {
    this.sweeper = setInterval(() => {
      this.sweep().catch((e: Error) => this.logger.warn(`idempotency_records sweep failed: ${e.message}`));
    }, SWEEP_EVERY_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** Deletes records older than the retention (in batches, so a large backlog holds no long lock); returns how many. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows: unknown[] = await this.ds.query(
        `DELETE FROM idempotency_records WHERE (user_id, key) IN (
           SELECT user_id, key FROM idempotency_records WHERE created_at <= now() - $1 * interval '1 millisecond' LIMIT $2)
         RETURNING key`,
        [this.retentionMs, SWEEP_BATCH],
      );
      total += rows.length;
      if (rows.length < SWEEP_BATCH) return total;
    }
  }

  fingerprint(method: string, route: string, params: unknown, body: unknown): string {
    return createHash('sha256').update(canonicalJson({ method, route, params, body: body ?? null })).digest('hex');
  }

  async run<T>(userId: string, key: string | undefined, fingerprint: string, statusCode: number, fn: () => Promise<T>): Promise<T> {
    if (key === undefined) return fn();
    const existing = await this.find(userId, key);
    if (existing) return this.replay<T>(existing, fingerprint);
    const body = await fn();
    await this.ds.query(
      `INSERT INTO idempotency_records AS r (user_id, key, fingerprint, status_code, response) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (user_id, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, status_code = EXCLUDED.status_code, response = EXCLUDED.response, created_at = now()
         WHERE r.created_at <= now() - $6 * interval '1 millisecond'`,
      [userId, key, fingerprint, statusCode, JSON.stringify(body ?? null), this.retentionMs],
    );
    const stored = await this.find(userId, key);
    return stored ? this.replay<T>(stored, fingerprint) : body;
  }

  private replay<T>(record: { fingerprint: string; response: unknown }, fingerprint: string): T {
    if (record.fingerprint !== fingerprint) {
      throw new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
    }
    return record.response as T;
  }

  private async find(userId: string, key: string): Promise<{ fingerprint: string; response: unknown } | undefined> {
    const rows: { fingerprint: string; response: unknown }[] = await this.ds.query(
      `SELECT fingerprint, response FROM idempotency_records
       WHERE user_id = $1 AND key = $2 AND created_at > now() - $3 * interval '1 millisecond'`,
      [userId, key, this.retentionMs],
    );
    return rows[0];
  }
}
