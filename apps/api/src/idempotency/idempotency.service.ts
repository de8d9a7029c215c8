import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canonicalJson } from '@mutu/persistence';
import { ApiError } from '../common/api-error';

export interface StoredResponse<T = unknown> {
  statusCode: number;
  body: T;
}

/**
 * Idempotency-Key handling: the first successful response for (user, key) is stored with a
 * fingerprint of the request; a repeat gets the stored response, a different request under the
 * same key gets 422. Concurrent repeats all return the response that was stored first.
 */
@Injectable()
export class IdempotencyService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  fingerprint(method: string, route: string, params: unknown, body: unknown): string {
    return createHash('sha256').update(canonicalJson({ method, route, params, body: body ?? null })).digest('hex');
  }

  async run<T>(userId: string, key: string | undefined, fingerprint: string, statusCode: number, fn: () => Promise<T>): Promise<T> {
    if (key === undefined) return fn();
    const existing = await this.find(userId, key);
    if (existing) return this.replay<T>(existing, fingerprint);
    const body = await fn();
    await this.ds.query(
      `INSERT INTO idempotency_records (user_id, key, fingerprint, status_code, response) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (user_id, key) DO NOTHING`,
      [userId, key, fingerprint, statusCode, JSON.stringify(body ?? null)],
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
      'SELECT fingerprint, response FROM idempotency_records WHERE user_id = $1 AND key = $2',
      [userId, key],
    );
    return rows[0];
  }
}
