import type { StageSchedule } from '@mutu/calendar';
import type { DataSource } from 'typeorm';
import { nextDueDateOf } from '../projections/program.projector';

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

  async replaceForProgram(schedule: StageSchedule, scope: { schoolId: string; budgetYear: number }): Promise<void> {
    await this.ds.transaction(async (tx) => {
      await tx.query('DELETE FROM deadlines WHERE program_id = $1', [schedule.programId]);
      for (const d of schedule.deadlines) {
        await tx.query(
          `INSERT INTO deadlines (program_id, deadline_key, stage, activity_id, school_id, budget_year, due_date, owner_role,
             extended, reminders, escalations, policy_version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12)`,
          [
            schedule.programId,
            d.key,
            d.stage,
            d.activityId ?? null,
            scope.schoolId,
            scope.budgetYear,
            d.dueDate,
            d.ownerRole,
            d.extended,
            JSON.stringify(d.reminders),
            JSON.stringify(d.escalations),
            schedule.policyVersion,
          ],
        );
      }
      await tx.query(
        `UPDATE programs SET next_due_date = ${nextDueDateOf('$1')} WHERE program_id = $1 AND stage NOT IN ('closed', 'cancelled')`,
        [schedule.programId],
      );
    });
  }

  /** Nothing is pending once a program is closed or cancelled. */
  async clearProgram(programId: string): Promise<void> {
    await this.ds.transaction(async (tx) => {
      await tx.query('DELETE FROM deadlines WHERE program_id = $1', [programId]);
      await tx.query('UPDATE programs SET next_due_date = NULL WHERE program_id = $1', [programId]);
    });
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
