import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel on which every change to the `programs` read model is announced. */
export const PROGRAMS_CHANGED_CHANNEL = 'mutu_programs_changed';

/**
 * Every statement that changes `programs` (projections, due dates, rebuilds, by any process)
 * announces it on PROGRAMS_CHANGED_CHANNEL when its transaction commits, so an API that keeps
 * list pages in memory drops them. One notification per statement, none per row; PostgreSQL folds
 * the repeats of one transaction into one.
 */
export class ProgramsChangedNotify1760000000800 implements MigrationInterface {
  name = 'ProgramsChangedNotify1760000000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION programs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${PROGRAMS_CHANGED_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER programs_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON programs
      FOR EACH STATEMENT EXECUTE FUNCTION programs_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER programs_changed ON programs');
    await q.query('DROP FUNCTION programs_changed');
  }
}
