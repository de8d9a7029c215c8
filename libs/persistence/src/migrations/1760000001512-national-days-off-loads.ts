import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICATION_GROUP_ROLE } from './1760000001000-application-role';

/**
 * Which years' decreed national holidays and collective leave were loaded, from which decree and
 * by whom. The automatic load (demo seed at boot) runs once per year, so a collective leave day an
 * admin removed is not put back at the next start; the admin action loads again on purpose.
 */
export class NationalDaysOffLoads1760000001512 implements MigrationInterface {
  name = 'NationalDaysOffLoads1760000001512';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE national_days_off_loads (
        year      integer PRIMARY KEY,
        decree    text        NOT NULL,
        loaded_by text        NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APPLICATION_GROUP_ROLE}') THEN
          GRANT SELECT, INSERT, UPDATE, DELETE ON national_days_off_loads TO ${APPLICATION_GROUP_ROLE};
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE national_days_off_loads');
  }
}
