import type { StageSchedule } from '@mutu/calendar';
import { TERMINAL_STAGES } from '@mutu/domain';
import type { DataSource } from 'typeorm';

export interface DeadlineRow {
  programId: string;
  deadlineKey: string;
  stage: string;
  activityId: string | null;
  dueDate: string;
  ownerRole: string;
  extended: boolean;
  reminders: unknown[];
  escalations: unknown[];
  policyVersion: number;
}

/**
 * The deadlines read model: the last schedule computed for a program's current stage. Written by
 * the `computeStageSchedule` activity; a stage's rows replace the previous stage's.
 */
export class DeadlinesRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * One statement: the program's deadlines become the schedule's (rows of deadlines no longer in
   * it dropped, the others upserted by key) and the program's next due date follows.
   */
  async replaceForProgram(schedule: StageSchedule, scope: { schoolId: string; budgetYear: number }): Promise<void> {
    const column = <T>(pick: (d: StageSchedule['deadlines'][number]) => T) => schedule.deadlines.map(pick);
    await this.ds.query(
      `WITH dropped AS (DELETE FROM deadlines WHERE program_id = $1 AND deadline_key <> ALL($4::text[])),
            kept AS (
              INSERT INTO deadlines (program_id, deadline_key, stage, activity_id, school_id, budget_year, due_date, owner_role,
                extended, reminders, escalations, policy_version)
              SELECT $1, d.deadline_key, d.stage, d.activity_id, $2, $3, d.due_date, d.owner_role, d.extended, d.reminders, d.escalations, $11
                FROM unnest($4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::boolean[], $10::jsonb[], $12::jsonb[])
                     AS d(deadline_key, stage, activity_id, due_date, owner_role, extended, reminders, escalations)
              ON CONFLICT (program_id, deadline_key) DO UPDATE SET stage = EXCLUDED.stage, activity_id = EXCLUDED.activity_id,
                school_id = EXCLUDED.school_id, budget_year = EXCLUDED.budget_year, due_date = EXCLUDED.due_date,
                owner_role = EXCLUDED.owner_role, extended = EXCLUDED.extended, reminders = EXCLUDED.reminders,
                escalations = EXCLUDED.escalations, policy_version = EXCLUDED.policy_version, computed_at = now()
              RETURNING due_date)
       UPDATE programs SET next_due_date = (SELECT min(due_date) FROM kept)
        WHERE program_id = $1 AND stage <> ALL($13::text[])`,
      [
        schedule.programId,
        scope.schoolId,
        scope.budgetYear,
        column((d) => d.key),
        column((d) => d.stage),
        column((d) => d.activityId ?? null),
        column((d) => d.dueDate),
        column((d) => d.ownerRole),
        column((d) => d.extended),
        column((d) => JSON.stringify(d.reminders)),
        schedule.policyVersion,
        column((d) => JSON.stringify(d.escalations)),
        TERMINAL_STAGES,
      ],
    );
  }

  /** Nothing is pending once a program is closed or cancelled. */
  async clearProgram(programId: string): Promise<void> {
    await this.ds.query(
      'WITH cleared AS (DELETE FROM deadlines WHERE program_id = $1) UPDATE programs SET next_due_date = NULL WHERE program_id = $1',
      [programId],
    );
  }

  async forSchoolYear(schoolId: string, budgetYear: number): Promise<DeadlineRow[]> {
    return this.ds.query(
      `SELECT program_id AS "programId", deadline_key AS "deadlineKey", stage, activity_id AS "activityId",
         to_char(due_date, 'YYYY-MM-DD') AS "dueDate", owner_role AS "ownerRole", extended, reminders, escalations,
         policy_version AS "policyVersion"
       FROM deadlines WHERE school_id = $1 AND budget_year = $2 ORDER BY due_date, program_id, deadline_key`,
      [schoolId, budgetYear],
    );
  }
}
