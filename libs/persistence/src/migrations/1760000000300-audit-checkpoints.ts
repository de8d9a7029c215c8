import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Signed checkpoints: the head of every stream at one moment, signed with the audit key. */
export class AuditCheckpoints1760000000300 implements MigrationInterface {
  name = 'AuditCheckpoints1760000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_checkpoints (
        checkpoint_id bigserial PRIMARY KEY,
        created_at    timestamptz NOT NULL,
        streams       integer     NOT NULL,
        events        bigint      NOT NULL,
        root          char(64)    NOT NULL,
        heads         jsonb       NOT NULL,
        public_key    text        NOT NULL,
        signature     text        NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_checkpoints');
  }
}
