import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account self-service: a password an admin reset must be changed before anything else (the
 * guard refuses every other route while the flag is set), and when the password last changed.
 */
export class AccountSecurity1760000001200 implements MigrationInterface {
  name = 'AccountSecurity1760000001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE users ADD COLUMN password_changed_at timestamptz`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX refresh_tokens_user_idx');
    await q.query('ALTER TABLE users DROP COLUMN password_changed_at');
    await q.query('ALTER TABLE users DROP COLUMN must_change_password');
  }
}
