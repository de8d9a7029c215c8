// Dapodik's staff categories (Jenis PTK) and additional duties (Tugas Tambahan) → Mutu roles.
// docs/admin-console.md lists the mapping. An unknown category is a row error, never a guess.

export type StaffRole = 'principal' | 'qa_team' | 'staff' | 'committee' | 'supervisor';

/** Teachers and education staff (tenaga kependidikan) of a school: Mutu's `staff`. */
const STAFF_CATEGORIES = [
  /^guru\b/,
  /^tenaga\b/,
  /^laboran\b/,
  /^pustakawan\b/,
  /^penjaga sekolah\b/,
  /^tukang kebun\b/,
  /^petugas keamanan\b/,
  /^pengemudi\b/,
  /^pesuruh\b/,
  /^instruktur\b/,
  /^pelatih\b/,
];

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
/** "Kepala Sekolah" or "Plt. Kepala Sekolah", never "Wakil Kepala Sekolah". */
const isHead = (s: string) => /(^|[^a-z])kepala sekolah\b/.test(s) && !/wakil kepala sekolah/.test(s);

/**
 * The roles of one row, or undefined when the category is not one Mutu knows.
 * `qualityRole` is the optional "Peran Mutu" column: TPMPS (the school's quality team) or Komite.
 */
export function rolesOfStaff(jenisPtk: string, tugasTambahan: string, qualityRole: string): StaffRole[] | undefined {
  const ptk = norm(jenisPtk);
  const duty = norm(tugasTambahan);
  const roles = new Set<StaffRole>();
  if (isHead(ptk) || isHead(duty)) roles.add('principal');
  else if (/^pengawas\b/.test(ptk)) roles.add('supervisor');
  else if (/^komite\b/.test(ptk)) roles.add('committee');
  else if (STAFF_CATEGORIES.some((re) => re.test(ptk))) roles.add('staff');
  else return undefined;
  const quality = norm(qualityRole);
  if (/^(tpmps|tim penjaminan mutu|tim penjamin mutu)/.test(quality)) roles.add('qa_team');
  else if (/^komite\b/.test(quality)) roles.add('committee');
  else if (quality !== '') return undefined;
  return [...roles];
}
