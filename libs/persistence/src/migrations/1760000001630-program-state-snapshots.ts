import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `programs.state_version`: the version of the stream `programs.state` is the fold of. The program
 * projector writes the state every so many events instead of on every append (readers fold the
 * events after it, projections/program-state.ts); the rows already there hold the current state.
 */
export class ProgramStateSnapshots1760000001630 implements MigrationInterface {
  name = 'ProgramStateSnapshots1760000001630';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE programs ADD COLUMN state_version integer NOT NULL DEFAULT 0');
    await q.query('UPDATE programs SET state_version = version');
    await q.query('ALTER TABLE programs ALTER COLUMN state_version DROP DEFAULT');
  }

  async down(q: QueryRunner): Promise<void> {
    // The state written at state_version is not the current one when they differ: the rows are
    // brought up to date by `mutu projections rebuild` after going down.
    await q.query('ALTER TABLE programs DROP COLUMN state_version');
  }
}
