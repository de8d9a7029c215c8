// UI text of the Schools screen (assigned supervisors, pengawas binaan), Bahasa Indonesia and English.
import type { Lang } from '../i18n/i18n';

const id = {
  title: 'Sekolah dan pengawas binaan',
  intro: 'Pengawas binaan menyetujui rencana dan dokumentasi program sekolahnya dan menerima tugas serta eskalasinya. Sekolah tanpa pengawas binaan dilayani semua pengawas wilayah.',
  search: 'Cari sekolah (nama atau NPSN)',
  npsn: 'NPSN',
  assigned: 'Pengawas binaan',
  none: 'Belum ada: semua pengawas wilayah',
  inactive: 'tidak aktif',
  assign: 'Atur pengawas',
  pick: 'Pilih pengawas binaan',
  noSupervisors: 'Wilayah ini belum mempunyai pengawas.',
  save: 'Simpan',
  cancel: 'Batal',
  saved: (school: string) => `Pengawas binaan ${school} tersimpan.`,
  unchanged: 'Tidak ada perubahan.',
  shown: (n: number, total: number) => `${n} dari ${total} sekolah`,
  noMatch: 'Tidak ada sekolah yang cocok.',
};

const en: typeof id = {
  title: 'Schools and assigned supervisors',
  intro: "Assigned supervisors (pengawas binaan) approve their schools' plans and documentation and receive their tasks and escalations. A school with none is served by every supervisor of the region.",
  search: 'Find a school (name or NPSN)',
  npsn: 'NPSN',
  assigned: 'Assigned supervisors',
  none: "None yet: the region's supervisors",
  inactive: 'inactive',
  assign: 'Assign supervisors',
  pick: 'Choose the assigned supervisors',
  noSupervisors: 'This region has no supervisors yet.',
  save: 'Save',
  cancel: 'Cancel',
  saved: (school: string) => `The assigned supervisors of ${school} were saved.`,
  unchanged: 'Nothing changed.',
  shown: (n: number, total: number) => `${n} of ${total} schools`,
  noMatch: 'No school matches.',
};

export const schoolsText = (lang: Lang) => (lang === 'en' ? en : id);
