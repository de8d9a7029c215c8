import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToApplicationRole } from './1760000001000-application-role';

/**
 * The realisation read model: one row per planned activity (its component and planned amount) and
 * one per expenditure (recorded, or the legacy realised cost of an activity completed with one
 * number). Written by the realisation projector in the append's transaction; rebuildable.
 */
export class Realisation1760000001410 implements MigrationInterface {
  name = 'Realisation1760000001410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE realisation_activities (
        program_id     text    NOT NULL,
        activity_id    text    NOT NULL,
        school_id      text    NOT NULL,
        region_id      text    NOT NULL,
        budget_year    integer NOT NULL,
        program_title  text    NOT NULL,
        activity_title text    NOT NULL,
        component      text    NOT NULL,
        budget_line    text    NOT NULL,
        planned_amount bigint  NOT NULL,
        window_start   date    NOT NULL,
        status         text    NOT NULL,
        PRIMARY KEY (program_id, activity_id)
      )`);
    await q.query('CREATE INDEX realisation_activities_school_year ON realisation_activities (school_id, budget_year)');
    await q.query(`
      CREATE TABLE realisation_expenditures (
        program_id          text    NOT NULL,
        activity_id         text    NOT NULL,
        expenditure_id      text    NOT NULL,
        school_id           text    NOT NULL,
        region_id           text    NOT NULL,
        budget_year         integer NOT NULL,
        component           text    NOT NULL,
        spent_on            date    NOT NULL,
        amount              bigint  NOT NULL,
        payee               text    NOT NULL,
        siplah_order_number text,
        evidence_sha256     text,
        legacy              boolean NOT NULL,
        PRIMARY KEY (program_id, expenditure_id)
      )`);
    await q.query('CREATE INDEX realisation_expenditures_school_year ON realisation_expenditures (school_id, budget_year)');
    await q.query(grantToApplicationRole('SELECT, INSERT, UPDATE, DELETE, TRUNCATE', 'realisation_activities, realisation_expenditures'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE realisation_expenditures');
    await q.query('DROP TABLE realisation_activities');
  }
}
