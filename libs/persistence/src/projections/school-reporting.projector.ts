import { SCHOOL_REPORTING_STREAM_PREFIX } from '@mutu/domain';
import type { EntityManager } from 'typeorm';
import type { Projector, StoredEvent } from '../event-store/event-store.types';

/**
 * `statutory_deadlines`: one row per school, budget year and statutory report (stage I, annual),
 * from the school-reporting streams, in the append's transaction. The status a person sees
 * (overdue, and the annual report's cut window) is derived from these rows and the date.
 */
export class SchoolReportingProjector implements Projector {
  readonly name = 'school-reporting';
  readonly tables = ['statutory_deadlines'] as const;

  async apply(tx: EntityManager, streamId: string, events: StoredEvent[]): Promise<void> {
    if (!streamId.startsWith(SCHOOL_REPORTING_STREAM_PREFIX)) return;
    for (const e of events) {
      const d = e.data as Record<string, unknown>;
      const key = [streamId, d.report];
      switch (e.type) {
        case 'SchoolReportingOpened': {
          const due = d.dueDates as { stage_one: string; annual: string };
          await tx.query(
            `INSERT INTO statutory_deadlines (school_id, budget_year, report, region_id, due_date, status, stream_version)
             SELECT $1, $2, r.report, $3, r.due_date, 'open', $6 FROM unnest(ARRAY['stage_one', 'annual'], ARRAY[$4, $5]::date[]) AS r(report, due_date)
             ON CONFLICT (school_id, budget_year, report) DO NOTHING`,
            [d.schoolId, d.budgetYear, d.regionId, due.stage_one, due.annual, e.version],
          );
          break;
        }
        case 'StatutoryReminderIssued':
          await this.update(tx, key, 'last_reminder_at = $3', [d.at], e.version);
          break;
        case 'StatutoryDeadlineMissed':
          await this.update(tx, key, 'missed_at = $3', [d.at], e.version);
          break;
        case 'StatutoryEscalationRaised':
          await this.update(tx, key, 'escalation_level = GREATEST(escalation_level, $3)', [d.level], e.version);
          break;
        case 'StatutoryReportSubmitted':
          await this.update(tx, key, `status = 'submitted', submitted_on = $3, submitted_by = $4, evidence = $5::jsonb`, [d.submittedOn, d.by, JSON.stringify(d.evidence)], e.version);
          break;
        default:
          break;
      }
    }
  }

  /** The stream id names the school and year; the row is found by them (stream ids are unique per pair). */
  private async update(tx: EntityManager, [streamId, report]: unknown[], set: string, values: unknown[], version: number): Promise<void> {
    await tx.query(
      `UPDATE statutory_deadlines SET ${set}, stream_version = $${values.length + 3}
        WHERE report = $2 AND 'school-reporting-' || school_id || '-' || budget_year = $1`,
      [streamId, report, ...values, version],
    );
  }
}
