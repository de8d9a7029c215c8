import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A program's next due date comes from its open deadlines, and whether it is overdue from that
 * date and the program's own time zone. `next_due_date` and `overdue` were declared with the
 * programs read model but nothing ever wrote them: lists showed no due date and the overdue
 * filter matched nothing. Now `next_due_date` is the earliest open deadline (kept by whoever
 * writes deadlines and by the program projector) and overdue is computed when read, so it turns
 * true on the first day after the deadline without a job flipping a column.
 */
export class ProgramDueDates1760000000700 implements MigrationInterface {
  name = 'ProgramDueDates1760000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programs ADD COLUMN time_zone text NOT NULL DEFAULT 'Asia/Jakarta'`);
    await q.query(`UPDATE programs SET time_zone = state->>'timeZone' WHERE state->>'timeZone' IS NOT NULL`);
    await q.query(`
      UPDATE programs p SET next_due_date = d.due
        FROM (SELECT program_id, min(due_date) AS due FROM deadlines GROUP BY program_id) d
       WHERE d.program_id = p.program_id AND p.stage NOT IN ('closed', 'cancelled')`);
    await q.query('ALTER TABLE programs DROP COLUMN overdue');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE programs ADD COLUMN overdue boolean NOT NULL DEFAULT false');
    await q.query('UPDATE programs SET next_due_date = NULL');
    await q.query('ALTER TABLE programs DROP COLUMN time_zone');
  }
}
