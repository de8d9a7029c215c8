// BOSP components (komponen penggunaan dana BOSP) as data: the technical guidelines list the
// components schools report their spending under, and the list changes with the guidelines. A list
// is kept per budget year with the regulation it comes from; the API stores the lists (seeded by a
// migration from BOSP_GUIDELINES_63_2023, editable by admins) and passes the year's list into the
// commands that check against it, so the decider stays pure.
import { z } from 'zod';

/** A component's stable code: lowercase letters, digits and underscores. */
export const BospComponentCodeSchema = z.string().regex(/^[a-z0-9_]{1,50}$/, 'expected a component code (a-z, 0-9, _)');

/** A budget line whose free text named no known component (plans written before components were data). */
export const UNMAPPED_COMPONENT = 'unmapped';

export const BospComponentSchema = z.object({
  code: BospComponentCodeSchema.refine((c) => c !== UNMAPPED_COMPONENT, 'reserved code'),
  name: z.string().min(1).max(200),
});
export type BospComponent = z.infer<typeof BospComponentSchema>;

/** One budget year's list and the regulation it comes from. */
export const BospComponentListSchema = z
  .object({
    budgetYear: z.number().int().min(2000).max(2100),
    source: z.string().min(1).max(500),
    components: z.array(BospComponentSchema).min(1).max(50),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.components.forEach((c, i) => {
      if (seen.has(c.code)) ctx.addIssue({ code: 'custom', path: ['components', i, 'code'], message: `duplicate code "${c.code}"` });
      seen.add(c.code);
    });
  });
export type BospComponentList = z.infer<typeof BospComponentListSchema>;

/** Permendikbudristek 63/2023, the BOSP technical guidelines for budget years 2024 and 2025. */
export const BOSP_GUIDELINES_63_2023 = {
  source:
    'Peraturan Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi Nomor 63 Tahun 2023 tentang Petunjuk Teknis ' +
    'Pengelolaan Dana Bantuan Operasional Satuan Pendidikan (Pasal penggunaan dana BOSP Reguler)',
  budgetYears: [2024, 2025],
  components: [
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
  ] satisfies BospComponent[],
} as const;

const normalise = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const BY_NAME = new Map<string, string>(BOSP_GUIDELINES_63_2023.components.map((c) => [normalise(c.name), c.code]));

/**
 * The component a free-text budget line names, matched by name (case, spacing and punctuation
 * ignored) against the guidelines' names; null when it names none.
 */
export function componentCodeForLine(line: string): string | null {
  return BY_NAME.get(normalise(line)) ?? null;
}

/** The component of a budget line: its code, else the one its text names, else 'unmapped'. */
export function budgetComponentOf(budget: { line: string; component?: string }): string {
  return budget.component ?? componentCodeForLine(budget.line) ?? UNMAPPED_COMPONENT;
}

/** The display name of a code in a list (the code itself when the list does not know it). */
export function componentName(code: string, components: readonly BospComponent[]): string {
  return components.find((c) => c.code === code)?.name ?? (code === UNMAPPED_COMPONENT ? 'Belum dipetakan / unmapped' : code);
}
