import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToApplicationRole } from './1760000001000-application-role';

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
    await q.query(grantToApplicationRole('SELECT, INSERT, UPDATE, DELETE', 'national_days_off_loads'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE national_days_off_loads');
  }
}
