// What each governance event means to a person, in Bahasa Indonesia (default) and English.
type Data = Record<string, unknown>;
type Phrase = (d: Data) => string;

const s = (v: unknown) => String(v ?? '');
const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : s(v));

function changesText(d: Data, lang: 'id' | 'en'): string {
  const changes = (d.changes ?? {}) as Record<string, { from: unknown; to: unknown }>;
  const parts = Object.entries(changes).map(([k, c]) => `${k}: ${list(c.from)} → ${list(c.to)}`);
  if (d.passwordReset) parts.push(lang === 'id' ? 'kata sandi diganti' : 'password reset');
  return parts.join('; ');
}

const T: Record<string, { id: Phrase; en: Phrase }> = {
  RegionCreated: { id: (d) => `membuat wilayah ${s(d.regionId)}`, en: (d) => `created region ${s(d.regionId)}` },
  SchoolCreated: { id: (d) => `membuat sekolah ${s(d.schoolId)} di ${s(d.regionId)}`, en: (d) => `created school ${s(d.schoolId)} in ${s(d.regionId)}` },
  UserCreated: { id: (d) => `membuat pengguna ${s(d.userId)} (peran: ${list(d.roles)})`, en: (d) => `created user ${s(d.userId)} (roles: ${list(d.roles)})` },
  UserUpdated: { id: (d) => `mengubah pengguna ${s(d.userId)}: ${changesText(d, 'id')}`, en: (d) => `changed user ${s(d.userId)}: ${changesText(d, 'en')}` },
  DayOffAdded: { id: (d) => `menambah hari libur ${s(d.date)} (${s(d.name)})`, en: (d) => `added the day off ${s(d.date)} (${s(d.name)})` },
  DayOffRemoved: { id: (d) => `menghapus hari libur ${s(d.date)} (${s(d.name)})`, en: (d) => `removed the day off ${s(d.date)} (${s(d.name)})` },
  DirectoryImported: {
    id: (d) => `mengimpor ${s(d.count)} ${({ regions: 'wilayah', schools: 'sekolah', users: 'pengguna' } as Data)[s(d.kind)] ?? s(d.kind)} dari ${s(d.filename)}`,
    en: (d) => `imported ${s(d.count)} ${s(d.kind)} from ${s(d.filename)}`,
  },
  NationalDaysOffSeeded: {
    id: (d) => `memuat libur nasional dan cuti bersama ${s(d.year)} (${s(d.decree)})`,
    en: (d) => `loaded the national holidays and collective leave of ${s(d.year)} (${s(d.decree)})`,
  },
  DeadlinePolicySet: { id: (d) => `menetapkan kebijakan tenggat wilayah ${s(d.regionId)}: ${s(d.note)}`, en: (d) => `set the deadline policy of region ${s(d.regionId)}: ${s(d.note)}` },
  SchoolSupervisorsSet: {
    id: (d) => `menetapkan pengawas binaan sekolah ${s(d.schoolId)}: ${list((d.supervisorIds as Data | undefined)?.to) || '(tidak ada: semua pengawas wilayah)'}`,
    en: (d) => `set the assigned supervisors of school ${s(d.schoolId)}: ${list((d.supervisorIds as Data | undefined)?.to) || "(none: the region's supervisors)"}`,
  },
  ApprovalPolicySet: {
    id: (d) => `menetapkan kebijakan persetujuan ${d.schoolId ? `sekolah ${s(d.schoolId)}` : `wilayah ${s(d.regionId)}`}`,
    en: (d) => `set the approval policy of ${d.schoolId ? `school ${s(d.schoolId)}` : `region ${s(d.regionId)}`}`,
  },
};

export function describeGovernanceEvent(type: string, data: Data, lang: 'id' | 'en'): string {
  return T[type]?.[lang](data) ?? type;
}
