import type { EntityManager } from 'typeorm';
import { activeSchoolSupervisorIds, programStateInTransaction, readProgramState, writeInTransaction, type Projector, type StoredEvent } from '@mutu/persistence';
import { queueNotice, type Notice } from './notice-queue';

const PREFIX = 'program-';
const NOTIFYING = new Set(['ReminderIssued', 'DeadlineMissed', 'EscalationRaised']);

interface ProgramRow {
  school_id: string;
  region_id: string;
  state: { title?: string; plan?: { activities?: { id: string; title: string; assignment?: { personInCharge: string } | null }[] } };
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
      const program = await this.programOf(tx, programId, events[events.length - 1]);
      if (!program) continue;
      const notice = await this.noticeOf(tx, e, program);
      await queueNotice(tx, programId, e, notice);
    }
  }

  /**
   * The program as its row holds it after this append: the state the program projector folded in
   * this transaction when it has it (it ran first and wrote the row from it), else the row (its
   * stored state with the events after it folded on).
   */
  private async programOf(tx: EntityManager, programId: string, last: StoredEvent): Promise<ProgramRow | undefined> {
    const folded = programStateInTransaction(tx, programId, last);
    if (folded && 'programId' in folded) return { school_id: folded.schoolId, region_id: folded.regionId, state: folded };
    const row = await readProgramState(tx, programId);
    return row && 'programId' in row.state ? { school_id: row.school_id, region_id: row.region_id, state: row.state } : undefined;
  }

  /**
   * Nothing of a finished stage is sent any more: pending messages are cancelled. Nothing here
   * needs the answers: in the append's transaction the writes go with the statements after them.
   */
  private async onStageAdvanced(tx: EntityManager, programId: string, e: StoredEvent): Promise<void> {
    const from = String(e.data.from);
    await writeInTransaction(
      tx,
      `UPDATE notification_outbox SET status = 'dead', last_error = 'stage completed', lease_until = NULL
       WHERE program_id = $1 AND stage = $2 AND status = 'pending'`,
      [programId, from],
    );
    const to = String(e.data.to);
    if (to === 'closed' || to === 'cancelled') await writeInTransaction(tx, 'DELETE FROM deadlines WHERE program_id = $1', [programId]);
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

  /**
   * Users holding `role` for the program's school (school scope) or region (region scope); for the
   * supervisor, the school's assigned supervisors when it has any.
   */
  private async usersInScope(tx: EntityManager, role: string, program: ProgramRow): Promise<string[]> {
    if (role === 'supervisor') {
      const assigned = await activeSchoolSupervisorIds(tx, program.school_id);
      if (assigned.length > 0) return assigned;
    }
    const rows: { user_id: string }[] = await tx.query(
      `SELECT user_id FROM users WHERE NOT disabled AND $1 = ANY(roles) AND ($2 = ANY(school_ids) OR $3 = ANY(region_ids))
       ORDER BY user_id`,
      [role, program.school_id, program.region_id],
    );
    return rows.map((r) => r.user_id);
  }
}
