import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PROGRAMS_CHANGED_CHANNEL } from './1760000000800-programs-changed-notify';

/**
 * The session setting by which a transaction says it announces its changes to `programs` itself,
 * after it commits: the trigger then leaves them to it.
 */
export const PROGRAMS_ANNOUNCED_SETTING = 'mutu.programs_announced';

/**
 * The `programs_changed` trigger stays for every writer of `programs` (due dates, a rebuild, an
 * operator's statement), except a transaction that has set PROGRAMS_ANNOUNCED_SETTING to
 * 'after-commit': the event store's appends, which announce once they have committed. A NOTIFY
 * inside a transaction holds one cluster-wide lock through that transaction's commit, so every
 * append notifying in its own transaction made the appends of all processes commit one at a time.
 */
export class ProgramsAnnouncedAfterCommit1760000001610 implements MigrationInterface {
  name = 'ProgramsAnnouncedAfterCommit1760000001610';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION programs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('${PROGRAMS_ANNOUNCED_SETTING}', true) IS DISTINCT FROM 'after-commit' THEN
          PERFORM pg_notify('${PROGRAMS_CHANGED_CHANNEL}', '');
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION programs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${PROGRAMS_CHANGED_CHANNEL}', '');
        RETURN NULL;
      END $$`);
  }
}
