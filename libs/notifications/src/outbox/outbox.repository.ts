import type { DataSource } from 'typeorm';
import type { TemplateName } from '../templates/templates';

export interface OutboxRow {
  outboxId: string;
  programId: string;
  stage: string;
  kind: string;
  dueDate: string;
  recipientUserId: string;
  channel: 'email' | 'webhook';
  template: TemplateName;
  params: Record<string, unknown>;
  attempts: number;
  messageId: string;
  email: string | null;
  locale: string | null;
  webhookUrl: string | null;
}

export interface ClaimOptions {
  batchSize: number;
  leaseMs: number;
  workerId: string;
  /** Only rows of programs whose id starts with this (tests and benchmarks share a database). */
  programIdPrefix?: string;
}

/**
 * Claim/lease over `notification_outbox`: due `pending` rows and `sending` rows whose lease ran out
 * (their dispatcher died) are taken with FOR UPDATE SKIP LOCKED, so dispatchers never share a row.
 */
export class OutboxRepository {
  constructor(private readonly ds: DataSource) {}

  async claim(o: ClaimOptions): Promise<OutboxRow[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
    const [rows] = await this.ds.query(
      `WITH due AS (
         SELECT outbox_id FROM notification_outbox
         WHERE ((status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until < now()))
           AND digest_date IS NULL -- daily digest rows go out through the digest pass, one email per user and day
           AND ($4::text IS NULL OR program_id LIKE $4 || '%')
         ORDER BY next_attempt_at, outbox_id
         LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE notification_outbox o SET status = 'sending', attempts = o.attempts + 1, leased_by = $3,
         lease_until = now() + ($2::int * interval '1 millisecond')
       FROM due WHERE o.outbox_id = due.outbox_id
       RETURNING o.outbox_id::text AS "outboxId", o.program_id AS "programId", o.stage, o.kind,
         to_char(o.due_date, 'YYYY-MM-DD') AS "dueDate", o.recipient_user_id AS "recipientUserId", o.channel, o.template,
         o.params, o.attempts, o.message_id AS "messageId",
         (SELECT email FROM users WHERE user_id = o.recipient_user_id) AS email,
         (SELECT locale FROM users WHERE user_id = o.recipient_user_id) AS locale,
         (SELECT webhook_url FROM notification_preferences WHERE user_id = o.recipient_user_id) AS "webhookUrl"`,
      [o.batchSize, o.leaseMs, o.workerId, o.programIdPrefix ?? null],
    );
    return rows as OutboxRow[];
  }

  /** Only the lease holder may acknowledge: a row re-leased by another dispatcher is not touched. */
  async markSent(outboxId: string, workerId: string): Promise<void> {
    await this.ds.query(
      `UPDATE notification_outbox SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL
       WHERE outbox_id = $1 AND leased_by = $2 AND status = 'sending'`,
      [outboxId, workerId],
    );
  }

  async markFailed(outboxId: string, workerId: string, error: string, retryInMs: number | null): Promise<void> {
    await this.ds.query(
      `UPDATE notification_outbox SET status = CASE WHEN $4::int IS NULL THEN 'dead' ELSE 'pending' END,
         next_attempt_at = now() + (COALESCE($4::int, 0) * interval '1 millisecond'), lease_until = NULL, last_error = $3
       WHERE outbox_id = $1 AND leased_by = $2 AND status = 'sending'`,
      [outboxId, workerId, error.slice(0, 2000), retryInMs],
    );
  }
}
