import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Refresh tokens (rotated, revocable by family) and stored responses of idempotent requests. */
export class ApiSessions1760000000200 implements MigrationInterface {
  name = 'ApiSessions1760000000200';

  async up(q: QueryRunner): Promise<void> {
    // Only a hash of the token is stored: a database leak does not leak usable tokens.
    await q.query(`
      CREATE TABLE refresh_tokens (
        token_hash  char(64) PRIMARY KEY,
        family_id   text        NOT NULL,
        user_id     text        NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        revoked_at  timestamptz,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`
      CREATE TABLE idempotency_records (
        user_id      text        NOT NULL,
        key          text        NOT NULL,
        fingerprint  char(64)    NOT NULL,
        status_code  integer     NOT NULL,
        response     jsonb       NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_records');
    await q.query('DROP TABLE refresh_tokens');
  }
}
