import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToApplicationRole } from './1760000001000-application-role';

/**
 * BOSP components per budget year, with the regulation each list comes from. Seeded with the
 * list of Permendikbudristek 63/2023 (the BOSP technical guidelines) for 2024 and 2025; admins add
 * or replace a year's list through PUT /bosp/components/:year.
 */
// A frozen copy of the domain's BOSP_GUIDELINES_63_2023 (a migration must not change when code does).
export const SEED_SOURCE =
  'Peraturan Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi Nomor 63 Tahun 2023 tentang Petunjuk Teknis ' +
  'Pengelolaan Dana Bantuan Operasional Satuan Pendidikan (Pasal penggunaan dana BOSP Reguler)';
export const SEED_COMPONENTS = [
  { code: 'ppdb', name: 'Penerimaan Peserta Didik Baru' },
  { code: 'perpustakaan', name: 'Pengembangan Perpustakaan' },
  { code: 'pembelajaran_ekstrakurikuler', name: 'Kegiatan Pembelajaran dan Ekstrakurikuler' },
  { code: 'asesmen_evaluasi', name: 'Kegiatan Asesmen/Evaluasi Pembelajaran' },
  { code: 'administrasi_sekolah', name: 'Administrasi Kegiatan Sekolah' },
  { code: 'profesi_gtk', name: 'Pengembangan Profesi Guru dan Tenaga Kependidikan' },
  { code: 'langganan_daya_jasa', name: 'Pembiayaan Langganan Daya dan Jasa' },
  { code: 'pemeliharaan_sarpras', name: 'Pemeliharaan Sarana dan Prasarana Sekolah' },
  { code: 'alat_multimedia', name: 'Penyediaan Alat Multimedia Pembelajaran' },
  { code: 'kompetensi_keahlian', name: 'Kegiatan Peningkatan Kompetensi Keahlian' },
  { code: 'keterserapan_lulusan', name: 'Kegiatan dalam rangka Mendukung Keterserapan Lulusan' },
  { code: 'honor', name: 'Pembayaran Honor' },
];

export class BospComponents1760000001400 implements MigrationInterface {
  name = 'BospComponents1760000001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bosp_component_lists (
        budget_year integer     PRIMARY KEY CHECK (budget_year BETWEEN 2000 AND 2100),
        source      text        NOT NULL,
        components  jsonb       NOT NULL,
        updated_by  text        NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    for (const year of [2024, 2025]) {
      await q.query(
        `INSERT INTO bosp_component_lists (budget_year, source, components, updated_by) VALUES ($1, $2, $3::jsonb, 'migration')`,
        [year, SEED_SOURCE, JSON.stringify(SEED_COMPONENTS)],
      );
    }
    await q.query(grantToApplicationRole('SELECT, INSERT, UPDATE', 'bosp_component_lists'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE bosp_component_lists');
  }
}
