import type { EntityManager } from 'typeorm';
import { activeSchoolSupervisorIds, type Projector, type StoredEvent } from '@mutu/persistence';
import { queueNotice, type Notice } from './notice-queue';

const PREFIX = 'school-reporting-';

interface Scope {
  school_id: string;
  region_id: string;
  name: string;
  budget_year: number;
}

/**
 * The statutory report deadlines' messages: reminders and the missed notice to the school's
 * principal, escalations to the role of the chain (the school's supervisors, its region's
 * education office). Keyed like every notice, `(stream, report, kind, due date, recipient)`, so a
 * replayed or rebuilt event never queues a second message; a submission cancels what is pending.
 */
export class StatutoryNotificationProjector implements Projector {
  readonly name = 'statutory-notifications';
  readonly tables = [] as const;

  async apply(tx: EntityManager, streamId: string, events: StoredEvent[]): Promise<void> {
    if (!streamId.startsWith(PREFIX)) return;
    for (const e of events) {
      const d = e.data as { report: string; dueDate: string; offsetWorkingDays?: number; level?: number; toRole?: string };
      if (e.type === 'StatutoryReportSubmitted') {
        await tx.query(
          `UPDATE notification_outbox SET status = 'dead', last_error = 'report submitted', lease_until = NULL
           WHERE program_id = $1 AND stage = $2 AND status = 'pending'`,
          [streamId, d.report],
        );
        continue;
      }
      if (e.type !== 'StatutoryReminderIssued' && e.type !== 'StatutoryDeadlineMissed' && e.type !== 'StatutoryEscalationRaised') continue;
      const scope: Scope | undefined = (
        await tx.query(
          `SELECT s.school_id, s.region_id, s.name, sd.budget_year FROM statutory_deadlines sd JOIN schools s ON s.school_id = sd.school_id
            WHERE 'school-reporting-' || sd.school_id || '-' || sd.budget_year = $1 AND sd.report = $2`,
          [streamId, d.report],
        )
      )[0];
      if (!scope) continue;
      const params = { stage: d.report, report: d.report, dueDate: d.dueDate, budgetYear: scope.budget_year, schoolName: scope.name, programTitle: scope.name };
      const notice: Notice =
        e.type === 'StatutoryReminderIssued'
          ? { stage: d.report, kind: `reminder:${d.offsetWorkingDays}`, dueDate: d.dueDate, template: 'statutory_reminder', userIds: await this.users(tx, 'principal', scope), params: { ...params, offsetWorkingDays: d.offsetWorkingDays } }
          : e.type === 'StatutoryDeadlineMissed'
            ? { stage: d.report, kind: 'missed', dueDate: d.dueDate, template: 'statutory_missed', userIds: await this.users(tx, 'principal', scope), params }
            : { stage: d.report, kind: `escalation:${d.level}`, dueDate: d.dueDate, template: 'statutory_escalation', userIds: await this.users(tx, String(d.toRole), scope), params: { ...params, level: d.level, toRole: d.toRole } };
      await queueNotice(tx, streamId, e, notice);
    }
  }

  /** Principals by school; supervisors assigned to the school or, without assignments, of its region; the education office by region. */
  private async users(tx: EntityManager, role: string, s: Scope): Promise<string[]> {
    if (role === 'supervisor') {
      const assigned = await activeSchoolSupervisorIds(tx, s.school_id);
      if (assigned.length > 0) return assigned;
    }
    const byRegion = role === 'district_officer' || role === 'supervisor';
    const rows: { user_id: string }[] = await tx.query(
      `SELECT user_id FROM users WHERE NOT disabled AND $1 = ANY(roles) AND ($2 = ANY(school_ids) OR ($4 AND $3 = ANY(region_ids)))
       ORDER BY user_id`,
      [role, s.school_id, s.region_id, byRegion],
    );
    return rows.map((r) => r.user_id);
  }
}
