import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins per limited key (a hash of email and IP) in a fixed window, shared by every API
 * replica; rows whose window has passed are swept. Idempotency records get an index for their
 * retention sweep.
 */
export class LoginAttempts1760000000900 implements MigrationInterface {
  name = 'LoginAttempts1760000000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_attempts (
        key              char(64)    PRIMARY KEY,
        window_started_at timestamptz NOT NULL,
        failures         integer     NOT NULL
      )`);
    await q.query('CREATE INDEX login_attempts_window_idx ON login_attempts (window_started_at)');
    await q.query('CREATE INDEX idempotency_records_created_idx ON idempotency_records (created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX idempotency_records_created_idx');
    await q.query('DROP TABLE login_attempts');
  }
}
