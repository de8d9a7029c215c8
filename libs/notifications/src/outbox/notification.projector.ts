import type { EntityManager } from 'typeorm';
import type { Projector, StoredEvent } from '@mutu/persistence';
import { messageIdFor, type OutboxKey } from './outbox-key';
import { deliveryPlan, type Preferences } from './delivery-plan';

const PREFIX = 'program-';
const NOTIFYING = new Set(['ReminderIssued', 'DeadlineMissed', 'EscalationRaised']);

interface ProgramRow {
  school_id: string;
  region_id: string;
  state: { title?: string; plan?: { activities?: { id: string; title: string; assignment?: { personInCharge: string } | null }[] } };
}

interface Notice {
  stage: string;
  kind: string;
  dueDate: string;
  template: 'reminder' | 'deadline_missed' | 'escalation';
  userIds: string[];
  params: Record<string, unknown>;
}

/**
 * Turns reminder, missed-deadline and escalation events into in-app inbox rows and outbox rows
 * (email, webhook) in the append's transaction. Every insert is keyed
 * `(program, stage, kind, due date, recipient[, channel])` with ON CONFLICT DO NOTHING, so a
 * replayed or rebuilt event never queues a second message. `tables` is empty on purpose: the
 * outbox holds delivery state, and a projection rebuild must not truncate (and so resend) it.
 */
export class NotificationProjector implements Projector {
  readonly name = 'notifications';
  readonly tables = [] as const;

  async apply(tx: EntityManager, streamId: string, events: StoredEvent[]): Promise<void> {
    if (!streamId.startsWith(PREFIX)) return;
    const programId = streamId.slice(PREFIX.length);
    for (const e of events) {
      if (e.type === 'StageAdvanced') await this.onStageAdvanced(tx, programId, e);
      if (!NOTIFYING.has(e.type)) continue;
      const program: ProgramRow | undefined = (
        await tx.query('SELECT school_id, region_id, state FROM programs WHERE program_id = $1', [programId])
      )[0];
      if (!program) continue;
      const notice = await this.noticeOf(tx, e, program);
      await this.queue(tx, programId, e, notice);
    }
  }

  /** Nothing of a finished stage is sent any more: pending messages are cancelled. */
  private async onStageAdvanced(tx: EntityManager, programId: string, e: StoredEvent): Promise<void> {
    const from = String(e.data.from);
    await tx.query(
      `UPDATE notification_outbox SET status = 'dead', last_error = 'stage completed', lease_until = NULL
       WHERE program_id = $1 AND stage = $2 AND status = 'pending'`,
      [programId, from],
    );
    const to = String(e.data.to);
    if (to === 'closed' || to === 'cancelled') await tx.query('DELETE FROM deadlines WHERE program_id = $1', [programId]);
  }

  private async noticeOf(tx: EntityManager, e: StoredEvent, program: ProgramRow): Promise<Notice> {
    const d = e.data as Record<string, unknown> & { stage: string; dueDate: string | null; activityId: string | null };
    const activity = d.activityId ? program.state.plan?.activities?.find((a) => a.id === d.activityId) : undefined;
    const personInCharge = activity?.assignment?.personInCharge;
    const params = {
      programTitle: program.state.title ?? '',
      stage: d.stage,
      dueDate: d.dueDate ?? '',
      activityId: d.activityId,
      activityTitle: activity?.title ?? null,
    };
    const usersFor = (role: string) => this.usersInScope(tx, role, program);
    if (e.type === 'ReminderIssued') {
      const role = String(d.recipientRole);
      const userIds = d.recipientUserId ? [String(d.recipientUserId)] : personInCharge && role === 'staff' ? [personInCharge] : await usersFor(role);
      return { stage: d.stage, kind: String(d.kind), dueDate: String(d.dueDate), template: 'reminder', userIds, params: { ...params, offsetWorkingDays: d.offsetWorkingDays } };
    }
    if (e.type === 'DeadlineMissed') {
      const userIds = personInCharge ? [personInCharge] : await usersFor('principal');
      return { stage: d.stage, kind: `${String(d.kind)}:missed`, dueDate: String(d.dueDate), template: 'deadline_missed', userIds, params };
    }
    const toRole = String(d.toRole);
    const userIds = personInCharge && toRole === 'staff' ? [personInCharge] : await usersFor(toRole);
    const scope = d.activityId ? `${d.stage}:${d.activityId}` : d.stage;
    return {
      stage: d.stage,
      kind: `${scope}:escalation:${String(d.level)}`,
      dueDate: String(d.dueDate ?? e.occurredAt.slice(0, 10)),
      template: 'escalation',
      userIds,
      params: { ...params, level: d.level, toRole },
    };
  }

  /** Users holding `role` for the program's school (school scope) or region (region scope). */
  private async usersInScope(tx: EntityManager, role: string, program: ProgramRow): Promise<string[]> {
    const rows: { user_id: string }[] = await tx.query(
      `SELECT user_id FROM users WHERE NOT disabled AND $1 = ANY(roles) AND ($2 = ANY(school_ids) OR $3 = ANY(region_ids))
       ORDER BY user_id`,
      [role, program.school_id, program.region_id],
    );
    return rows.map((r) => r.user_id);
  }

  private async queue(tx: EntityManager, programId: string, e: StoredEvent, n: Notice): Promise<void> {
    if (n.userIds.length === 0) return;
    const users: (Preferences & { user_id: string; has_email: boolean })[] = await tx.query(
      `SELECT id AS user_id, (u.email IS NOT NULL) AS has_email, p.email AS email_enabled, p.webhook_url, p.digest,
         to_char(p.quiet_start, 'HH24:MI') AS quiet_start, to_char(p.quiet_end, 'HH24:MI') AS quiet_end, p.time_zone
       FROM unnest($1::text[]) AS id
       LEFT JOIN users u ON u.user_id = id LEFT JOIN notification_preferences p ON p.user_id = id`,
      [n.userIds],
    );
    for (const user of users) {
      await tx.query(
        `INSERT INTO notifications (user_id, program_id, stage, kind, due_date, template, params, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) ON CONFLICT DO NOTHING`,
        [user.user_id, programId, n.stage, n.kind, n.dueDate, n.template, JSON.stringify(n.params), e.occurredAt],
      );
      for (const d of deliveryPlan(user, user.has_email, e.occurredAt)) {
        const key: OutboxKey = { programId, stage: n.stage, kind: n.kind, dueDate: n.dueDate, recipientUserId: user.user_id, channel: d.channel };
        await tx.query(
          `INSERT INTO notification_outbox (program_id, stage, kind, due_date, recipient_user_id, channel, template, params,
             event_position, next_attempt_at, message_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, COALESCE($10::timestamptz, now()), $11) ON CONFLICT DO NOTHING`,
          [programId, n.stage, n.kind, n.dueDate, user.user_id, d.channel, n.template,
            JSON.stringify({ ...n.params, ...(d.digest ? { digest: true } : {}) }), e.position, d.notBefore, messageIdFor(key)],
        );
      }
    }
  }
}
