import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICATION_GROUP_ROLE } from './1760000001000-application-role';

/**
 * Closed Temporal runs' histories, kept beyond the namespace's retention for replay and bundles.
 * Evidence like the events: the application role may add and read them, never change one.
 */
export class WorkflowRunArchive1760000001310 implements MigrationInterface {
  name = 'WorkflowRunArchive1760000001310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workflow_run_archive (
        run_id          text        PRIMARY KEY,
        workflow_id     text        NOT NULL,
        workflow_type   text        NOT NULL,
        status          text        NOT NULL,
        start_time      timestamptz NOT NULL,
        close_time      timestamptz NOT NULL,
        history         bytea       NOT NULL,
        history_sha256  char(64)    NOT NULL,
        archived_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX workflow_run_archive_workflow ON workflow_run_archive (workflow_id, start_time)');
    await q.query('CREATE INDEX workflow_run_archive_close ON workflow_run_archive (close_time)');
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APPLICATION_GROUP_ROLE}') THEN
          REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON workflow_run_archive FROM ${APPLICATION_GROUP_ROLE};
          GRANT SELECT, INSERT ON workflow_run_archive TO ${APPLICATION_GROUP_ROLE};
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE workflow_run_archive');
  }
}
