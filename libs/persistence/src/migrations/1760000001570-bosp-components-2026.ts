import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SEED_COMPONENTS } from './1760000001400-bosp-components';

/**
 * The BOSP component list for budget year 2026. No successor to Permendikbudristek 63/2023 is
 * known to this project, so its list stays in force and is recorded for 2026 with a source that
 * says so; an admin replaces it through PUT /bosp/components/2026 once new guidelines are issued.
 * A list an admin already set for 2026 is kept.
 */
export const SOURCE_2026 =
  'Peraturan Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi Nomor 63 Tahun 2023 tentang Petunjuk Teknis ' +
  'Pengelolaan Dana Bantuan Operasional Satuan Pendidikan (Pasal penggunaan dana BOSP Reguler); ' +
  'tetap berlaku untuk tahun anggaran 2026 selama belum ada petunjuk teknis pengganti';

export class BospComponents20261760000001570 implements MigrationInterface {
  name = 'BospComponents20261760000001570';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO bosp_component_lists (budget_year, source, components, updated_by) VALUES (2026, $1, $2::jsonb, 'migration')
       ON CONFLICT (budget_year) DO NOTHING`,
      [SOURCE_2026, JSON.stringify(SEED_COMPONENTS)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM bosp_component_lists WHERE budget_year = 2026 AND updated_by = 'migration'`);
  }
}
