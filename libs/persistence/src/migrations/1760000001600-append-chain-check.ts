import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The SQLSTATE `mutu_chain_continues` fails with; the event store reads it as "the chain moved". */
export const CHAIN_MOVED_SQLSTATE = 'MU409';

/**
 * `mutu_chain_continues(ok)`: true, or an error when the stored event at an append's expected
 * version is not the one it chained from. An append whose projectors' statements are sent behind
 * its INSERT without waiting for it (one round trip) needs the INSERT to fail rather than insert
 * nothing: a failed statement aborts the transaction, so the statements behind it keep nothing.
 */
export class AppendChainCheck1760000001600 implements MigrationInterface {
  name = 'AppendChainCheck1760000001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION mutu_chain_continues(continues boolean) RETURNS boolean LANGUAGE plpgsql AS $$
      BEGIN
        IF continues THEN
          RETURN true;
        END IF;
        RAISE EXCEPTION 'the stream does not continue from the head this append chained from' USING ERRCODE = '${CHAIN_MOVED_SQLSTATE}';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION IF EXISTS mutu_chain_continues(boolean)');
  }
}
