import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '@mutu/persistence';
import { messageIdFor, type OutboxKey } from './outbox-key';
import { deliveryPlan, type Preferences } from './delivery-plan';
import type { TemplateName } from '../templates/templates';

/** One message to queue: who gets it, with which template, under which outbox key. */
export interface Notice {
  stage: string;
  kind: string;
  dueDate: string;
  template: Exclude<TemplateName, 'digest'>;
  userIds: string[];
  params: Record<string, unknown>;
}

/**
 * Writes the in-app inbox row and the outbox rows (per the user's channels) of one notice, keyed
 * `(stream key, stage, kind, due date, recipient[, channel])` with ON CONFLICT DO NOTHING, so a
 * replayed or rebuilt event never queues a second message. `programId` is the program (or, for a
 * mentoring cluster, the cluster stream) the notice is about.
 */
export async function queueNotice(tx: EntityManager, programId: string, e: StoredEvent, n: Notice): Promise<void> {
  if (n.userIds.length === 0) return;
  const users: (Preferences & { user_id: string; has_email: boolean; in_app: boolean | null })[] = await tx.query(
    `SELECT id AS user_id, (u.email IS NOT NULL) AS has_email, p.email AS email_enabled, p.webhook_url, p.webhook AS webhook_enabled,
       p.in_app, p.digest,
       to_char(p.quiet_start, 'HH24:MI') AS quiet_start, to_char(p.quiet_end, 'HH24:MI') AS quiet_end, p.time_zone
     FROM unnest($1::text[]) AS id
     LEFT JOIN users u ON u.user_id = id LEFT JOIN notification_preferences p ON p.user_id = id`,
    [n.userIds],
  );
  for (const user of users) {
    // The in-app inbox is a channel the user may switch off like the others.
    if (user.in_app !== false) await tx.query(
      `INSERT INTO notifications (user_id, program_id, stage, kind, due_date, template, params, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) ON CONFLICT DO NOTHING`,
      [user.user_id, programId, n.stage, n.kind, n.dueDate, n.template, JSON.stringify(n.params), e.occurredAt],
    );
    for (const d of deliveryPlan(user, user.has_email, e.occurredAt)) {
      const key: OutboxKey = { programId, stage: n.stage, kind: n.kind, dueDate: n.dueDate, recipientUserId: user.user_id, channel: d.channel };
      await tx.query(
        `INSERT INTO notification_outbox (program_id, stage, kind, due_date, recipient_user_id, channel, template, params,
           event_position, next_attempt_at, message_id, digest_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, COALESCE($10::timestamptz, now()), $11, $12) ON CONFLICT DO NOTHING`,
        [programId, n.stage, n.kind, n.dueDate, user.user_id, d.channel, n.template,
          JSON.stringify({ ...n.params, ...(d.digest ? { digest: true } : {}) }), e.position, d.notBefore, messageIdFor(key), d.digestDate ?? null],
      );
    }
  }
}
