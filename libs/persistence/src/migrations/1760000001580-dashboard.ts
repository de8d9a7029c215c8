import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToApplicationRole } from './1760000001000-application-role';
import { DASHBOARD_COMPONENTS_SQL, DASHBOARD_PROGRAM_SQL } from '../projections/dashboard.sql';

/**
 * The education office's dashboard read model: one row per program (stage, sign-off) and one per
 * program and BOSP component (planned of the activities not dropped, realised). Written by the
 * dashboard projector in the append's transaction; filled here from the program and realisation
 * read models, so a database migrated with programs in it needs no rebuild.
 */
export class Dashboard1760000001580 implements MigrationInterface {
  name = 'Dashboard1760000001580';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dashboard_programs (
        program_id    text        PRIMARY KEY,
        school_id     text        NOT NULL,
        region_id     text        NOT NULL,
        budget_year   integer     NOT NULL,
        title         text        NOT NULL,
        stage         text        NOT NULL,
        signed_off_at timestamptz,
        updated_at    timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX dashboard_programs_region_year ON dashboard_programs (region_id, budget_year, school_id)');
    await q.query(`
      CREATE TABLE dashboard_components (
        program_id  text    NOT NULL,
        component   text    NOT NULL,
        region_id   text    NOT NULL,
        budget_year integer NOT NULL,
        planned     bigint  NOT NULL,
        realised    bigint  NOT NULL,
        PRIMARY KEY (program_id, component)
      )`);
    await q.query('CREATE INDEX dashboard_components_region_year ON dashboard_components (region_id, budget_year)');
    await q.query(`INSERT INTO dashboard_programs ${DASHBOARD_PROGRAM_SQL('p.program_id')}`);
    await q.query(`INSERT INTO dashboard_components ${DASHBOARD_COMPONENTS_SQL('p.program_id')}`);
    await q.query(grantToApplicationRole('SELECT, INSERT, UPDATE, DELETE, TRUNCATE', 'dashboard_programs, dashboard_components'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dashboard_components');
    await q.query('DROP TABLE dashboard_programs');
  }
}
