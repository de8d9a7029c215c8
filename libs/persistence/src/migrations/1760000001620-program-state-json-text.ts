import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `programs.state` is kept as `json`, the text the program projector wrote, instead of `jsonb`.
 * Every append to a program writes the whole folded state (several KB), and `jsonb` had PostgreSQL
 * parse that text into its binary form on every write (and print it back on every read); nothing
 * queries inside it on a hot path. The few reads that search it (an evidence download) cast it.
 * The conversion rewrites the table once; rows converted keep jsonb's printed key order until their
 * program's next append, which is why the read-model comparison compares states as values.
 */
export class ProgramStateJsonText1760000001620 implements MigrationInterface {
  name = 'ProgramStateJsonText1760000001620';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE programs ALTER COLUMN state TYPE json USING state::json');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE programs ALTER COLUMN state TYPE jsonb USING state::jsonb');
  }
}
