import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToApplicationRole } from './1760000001000-application-role';

/**
 * Assigned supervisors (pengawas binaan): which supervisors answer for a school. A school with no
 * row here falls back to every supervisor of its region. Both ends cascade: removing a school or a
 * user removes its assignments, never leaves a dangling id.
 */
export class SchoolSupervisors1760000001520 implements MigrationInterface {
  name = 'SchoolSupervisors1760000001520';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE school_supervisors (
        school_id   text        NOT NULL REFERENCES schools(school_id) ON DELETE CASCADE,
        user_id     text        NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        assigned_by text        NOT NULL,
        PRIMARY KEY (school_id, user_id)
      )`);
    await q.query('CREATE INDEX school_supervisors_user ON school_supervisors (user_id)');
    await q.query(grantToApplicationRole('SELECT, INSERT, UPDATE, DELETE', 'school_supervisors'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE school_supervisors');
  }
}
