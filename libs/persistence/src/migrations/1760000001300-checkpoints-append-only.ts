import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICATION_GROUP_ROLE } from './1760000001000-application-role';

/**
 * Signed checkpoints are evidence like the events: the application role may add and read them,
 * never change or remove one. (The published journal outside the database is the copy that
 * counts against its owner; this keeps the application's own rights honest.)
 */
export class CheckpointsAppendOnly1760000001300 implements MigrationInterface {
  name = 'CheckpointsAppendOnly1760000001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_checkpoints FROM ${APPLICATION_GROUP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`GRANT UPDATE, DELETE, TRUNCATE ON audit_checkpoints TO ${APPLICATION_GROUP_ROLE}`);
  }
}
