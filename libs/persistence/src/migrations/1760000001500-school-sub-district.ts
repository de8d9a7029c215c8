import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sub-district (kecamatan) of a school, as in the Dapodik school list. Nullable: schools created
 * before it, or without it in their import, have none. Education office views filter by it.
 */
export class SchoolSubDistrict1760000001500 implements MigrationInterface {
  name = 'SchoolSubDistrict1760000001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE schools ADD COLUMN sub_district text');
    await q.query('CREATE INDEX schools_region_sub_district ON schools (region_id, sub_district)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX schools_region_sub_district');
    await q.query('ALTER TABLE schools DROP COLUMN sub_district');
  }
}
