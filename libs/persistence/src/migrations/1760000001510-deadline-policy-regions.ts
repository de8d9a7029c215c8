import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deadline policy version may belong to one region: programs of that region's schools start on
 * the region's newest version, other programs on the newest version without a region (the
 * built-in default is version 1). Versions stay global numbers and immutable.
 */
export class DeadlinePolicyRegions1760000001510 implements MigrationInterface {
  name = 'DeadlinePolicyRegions1760000001510';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE deadline_policies ADD COLUMN region_id text REFERENCES regions(region_id)');
    await q.query('CREATE INDEX deadline_policies_region_version ON deadline_policies (region_id, version DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX deadline_policies_region_version');
    await q.query('ALTER TABLE deadline_policies DROP COLUMN region_id');
  }
}
