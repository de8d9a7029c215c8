import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TemplateName } from '../templates/templates';

/** One user's daily digest, taken under a lease: the rows it carries and where it goes. */
export interface DigestBatch {
  userId: string;
  digestDate: string;
  messageId: string;
  email: string | null;
  locale: string | null;
  /** The highest attempt count among its rows (for backoff and giving up). */
  attempts: number;
  rows: { outboxId: string; programId: string; stage: string; dueDate: string; template: TemplateName; params: Record<string, unknown> }[];
}

export interface DigestClaimOptions {
  workerId: string;
  leaseMs: number;
  /** The instant that counts as now (null: the database's clock). */
  now: Date | null;
  limit: number;
  programIdPrefix?: string;
}

/** Stable per (user, local day): a resend after a crash is the same message for the receiver. */
export function digestMessageId(userId: string, digestDate: string): string {
  return `<digest-${createHash('sha256').update(`${userId}:${digestDate}`).digest('hex').slice(0, 40)}@mutu.local>`;
}

/**
 * The daily digest key: `notification_digests (user_id, digest_date)`. A dispatcher takes the key
 * under a lease before it sends, so one email per user and local day leaves, whoever runs; rows
 * that become due for a day whose digest was already sent move to the next day's digest.
 */
export class DigestRepository {
  constructor(private readonly ds: DataSource) {}

  /** The (user, day) pairs with digest rows due at `now`. */
  private async duePairs(o: DigestClaimOptions): Promise<{ user_id: string; digest_date: string }[]> {
    return this.ds.query(
      `SELECT DISTINCT recipient_user_id AS user_id, to_char(digest_date, 'YYYY-MM-DD') AS digest_date
         FROM notification_outbox, (SELECT COALESCE($1::timestamptz, now()) AS now) t
        WHERE digest_date IS NOT NULL
          AND ((status = 'pending' AND next_attempt_at <= t.now) OR (status = 'sending' AND lease_until < t.now))
          AND ($3::text IS NULL OR program_id LIKE $3 || '%')
        ORDER BY 2, 1 LIMIT $2`,
      [o.now, o.limit, o.programIdPrefix ?? null],
    );
  }

  /** Takes every due digest it can; pairs held by another dispatcher are left to it. */
  async claim(o: DigestClaimOptions): Promise<DigestBatch[]> {
    const out: DigestBatch[] = [];
    for (const pair of await this.duePairs(o)) {
      const batch = await this.ds.transaction(async (tx) => {
        const now = o.now ?? null;
        const [taken]: { status: string }[] = await tx.query(
          `INSERT INTO notification_digests AS d (user_id, digest_date, message_id, leased_by, lease_until)
           VALUES ($1, $2, $3, $4, COALESCE($6::timestamptz, now()) + $5::int * interval '1 millisecond')
           ON CONFLICT (user_id, digest_date) DO UPDATE SET leased_by = EXCLUDED.leased_by, lease_until = EXCLUDED.lease_until
             WHERE d.status = 'sending' AND (d.lease_until IS NULL OR d.lease_until < COALESCE($6::timestamptz, now()))
           RETURNING d.status`,
          [pair.user_id, pair.digest_date, digestMessageId(pair.user_id, pair.digest_date), o.workerId, o.leaseMs, now],
        );
        if (!taken) {
          // Sent already (these rows came late, e.g. a rebuilt projection): tomorrow's digest carries them.
          await tx.query(
            `UPDATE notification_outbox SET digest_date = digest_date + 1, next_attempt_at = next_attempt_at + interval '1 day'
              WHERE recipient_user_id = $1 AND digest_date = $2 AND status = 'pending'
                AND EXISTS (SELECT 1 FROM notification_digests WHERE user_id = $1 AND digest_date = $2 AND status = 'sent')`,
            [pair.user_id, pair.digest_date],
          );
          return null;
        }
        const [rows]: [(DigestBatch['rows'][number] & { attempts: number })[], number] = await tx.query(
          `UPDATE notification_outbox SET status = 'sending', attempts = attempts + 1, leased_by = $3,
             lease_until = COALESCE($5::timestamptz, now()) + $4::int * interval '1 millisecond'
            WHERE recipient_user_id = $1 AND digest_date = $2 AND status IN ('pending', 'sending')
           RETURNING outbox_id::text AS "outboxId", program_id AS "programId", stage, to_char(due_date, 'YYYY-MM-DD') AS "dueDate",
             template, params, attempts`,
          [pair.user_id, pair.digest_date, o.workerId, o.leaseMs, now],
        );
        const [user]: { email: string | null; locale: string | null }[] = await tx.query('SELECT email, locale FROM users WHERE user_id = $1', [pair.user_id]);
        const sorted = [...rows].sort((a, b) => Number(a.outboxId) - Number(b.outboxId));
        return {
          userId: pair.user_id,
          digestDate: pair.digest_date,
          messageId: digestMessageId(pair.user_id, pair.digest_date),
          email: user?.email ?? null,
          locale: user?.locale ?? null,
          attempts: Math.max(0, ...rows.map((r) => r.attempts)),
          rows: sorted.map(({ outboxId, programId, stage, dueDate, template, params }) => ({ outboxId, programId, stage, dueDate, template, params })),
        } satisfies DigestBatch;
      });
      if (batch && batch.rows.length > 0) out.push(batch);
    }
    return out;
  }

  /** The email left: the key is spent for the day and its rows are sent. */
  async markSent(b: DigestBatch, workerId: string): Promise<void> {
    await this.ds.transaction(async (tx) => {
      await tx.query(
        `UPDATE notification_digests SET status = 'sent', sent_at = now(), items = $4, lease_until = NULL
          WHERE user_id = $1 AND digest_date = $2 AND leased_by = $3`,
        [b.userId, b.digestDate, workerId, b.rows.length],
      );
      await tx.query(
        `UPDATE notification_outbox SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL
          WHERE outbox_id = ANY($1::bigint[]) AND leased_by = $2 AND status = 'sending'`,
        [b.rows.map((r) => r.outboxId), workerId],
      );
    });
  }

  /** The email was refused: the rows wait (or die after the last attempt) and the key is free again. */
  async markFailed(b: DigestBatch, workerId: string, error: string, retryInMs: number | null): Promise<void> {
    await this.ds.transaction(async (tx) => {
      await tx.query(`UPDATE notification_digests SET lease_until = NULL WHERE user_id = $1 AND digest_date = $2 AND leased_by = $3`, [
        b.userId, b.digestDate, workerId,
      ]);
      await tx.query(
        `UPDATE notification_outbox SET status = CASE WHEN $4::int IS NULL THEN 'dead' ELSE 'pending' END,
           next_attempt_at = now() + (COALESCE($4::int, 0) * interval '1 millisecond'), lease_until = NULL, last_error = $3
          WHERE outbox_id = ANY($1::bigint[]) AND leased_by = $2 AND status = 'sending'`,
        [b.rows.map((r) => r.outboxId), workerId, error.slice(0, 2000), retryInMs],
      );
    });
  }
}
