import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToApplicationRole } from './1760000001000-application-role';

/**
 * The statutory BOSP report deadlines of each school and budget year (stage I report due 31 July,
 * annual report due 31 January of the next year): the read model of the school-reporting streams,
 * one row per report, rebuilt from the events like the other read models.
 */
export class StatutoryDeadlines1760000001560 implements MigrationInterface {
  name = 'StatutoryDeadlines1760000001560';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE statutory_deadlines (
        school_id         text        NOT NULL,
        budget_year       integer     NOT NULL,
        report            text        NOT NULL CHECK (report IN ('stage_one', 'annual')),
        region_id         text        NOT NULL,
        due_date          date        NOT NULL,
        status            text        NOT NULL CHECK (status IN ('open', 'submitted')),
        submitted_on      date,
        submitted_by      text,
        evidence          jsonb,
        last_reminder_at  timestamptz,
        missed_at         timestamptz,
        escalation_level  integer     NOT NULL DEFAULT 0,
        stream_version    integer     NOT NULL,
        PRIMARY KEY (school_id, budget_year, report)
      )`);
    await q.query('CREATE INDEX statutory_deadlines_region_idx ON statutory_deadlines (region_id, budget_year, status)');
    await q.query(grantToApplicationRole('SELECT, INSERT, UPDATE, DELETE, TRUNCATE', 'statutory_deadlines'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE statutory_deadlines');
  }
}
