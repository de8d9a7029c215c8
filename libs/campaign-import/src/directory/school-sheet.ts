// The schools sheet, in the columns of a Dapodik school list: NPSN, Nama Sekolah, Bentuk
// Pendidikan, Status, Kecamatan, Kabupaten/Kota; plus Zona Waktu and Pengawas Email (the assigned
// supervisors, pengawas binaan), both optional.
import { SheetErrors } from '../sheet-errors';
import { EMAIL_PATTERN, firstOccurrence, NPSN_PATTERN, outcome, readDirectoryRows, requireCell, type ColumnSpec, type DirectoryOutcome } from './directory-sheet';
import { regionFinder, type DirectorySnapshot } from './directory-snapshot';

export const SCHOOL_COLUMNS = [
  { key: 'npsn', names: ['NPSN'], required: true },
  { key: 'name', names: ['Nama Sekolah', 'Nama'], required: true },
  { key: 'level', names: ['Bentuk Pendidikan', 'Jenjang'], required: true },
  { key: 'status', names: ['Status', 'Status Sekolah'] },
  { key: 'subDistrict', names: ['Kecamatan'] },
  { key: 'region', names: ['Kabupaten/Kota', 'Kab./Kota', 'Kode Wilayah'], required: true },
  { key: 'timeZone', names: ['Zona Waktu'] },
  { key: 'supervisors', names: ['Pengawas Email'] },
] as const satisfies readonly ColumnSpec<string>[];

export const SCHOOL_LEVELS = ['SD', 'SMP', 'SMA', 'SMK'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
const TIME_ZONES: Record<string, string> = { wib: 'Asia/Jakarta', wita: 'Asia/Makassar', wit: 'Asia/Jayapura', 'asia/jakarta': 'Asia/Jakarta', 'asia/makassar': 'Asia/Makassar', 'asia/jayapura': 'Asia/Jayapura' };

export interface NewSchool {
  row: number;
  schoolId: string;
  npsn: string;
  name: string;
  level: SchoolLevel;
  subDistrict: string | null;
  regionId: string;
  timeZone: string;
  /** Set when the sheet has a Pengawas Email column (an empty cell clears the assignment). */
  supervisorUserIds: string[] | null;
}

/** Dapodik writes "Kec. Duren Sawit"; the sub-district is "Duren Sawit". */
const subDistrictOf = (text: string) => text.replace(/^kec(amatan)?\.?\s+/i, '').trim() || null;

export function validateSchoolSheet(rows: string[][], snapshot: DirectorySnapshot): DirectoryOutcome<NewSchool[]> {
  const errors = new SheetErrors();
  const data = readDirectoryRows(rows, SCHOOL_COLUMNS, errors);
  const hasSupervisorColumn = (rows[0] ?? []).some((h) => h.trim().toLowerCase() === 'pengawas email');
  const findRegion = regionFinder(snapshot.regions);
  const existingNpsn = new Set(snapshot.schools.map((s) => s.npsn).filter(Boolean));
  const existingIds = new Set(snapshot.schools.map((s) => s.schoolId));
  const usersByEmail = new Map(snapshot.users.map((u) => [u.email, u]));
  const seen = new Map<string, number>();
  const plan: NewSchool[] = [];
  for (const r of data) {
    const before = errors.count;
    const c = r.cells;
    (['npsn', 'name', 'level', 'region'] as const).forEach((k) => requireCell(r, k, errors));
    if (c.npsn && !NPSN_PATTERN.test(c.npsn)) errors.add(r.row, 'BAD_NPSN', `NPSN "${c.npsn}" is not 8 digits.`, r.column('npsn'));
    else if (c.npsn && (existingNpsn.has(c.npsn) || existingIds.has(`sch-${c.npsn}`))) errors.add(r.row, 'ALREADY_EXISTS', `A school with NPSN ${c.npsn} already exists.`, r.column('npsn'));
    else if (c.npsn) firstOccurrence(seen, r, 'npsn', errors);
    const level = SCHOOL_LEVELS.find((l) => l === c.level.toUpperCase());
    if (c.level && !level) errors.add(r.row, 'BAD_LEVEL', `"${c.level}" is not one of ${SCHOOL_LEVELS.join(', ')}.`, r.column('level'));
    if (c.status && !/^(negeri|swasta)$/i.test(c.status)) errors.add(r.row, 'BAD_STATUS', `"${c.status}" is not Negeri or Swasta.`, r.column('status'));
    if (c.subDistrict.length > 200) errors.add(r.row, 'TOO_LONG', '"Kecamatan" has more than 200 characters.', r.column('subDistrict'));
    const region = c.region ? findRegion(c.region) : undefined;
    if (c.region && !region) errors.add(r.row, 'UNKNOWN_REGION', `No region with the name or id "${c.region}" (import the regions first).`, r.column('region'));
    const timeZone = c.timeZone ? TIME_ZONES[c.timeZone.toLowerCase()] : 'Asia/Jakarta';
    if (!timeZone) errors.add(r.row, 'BAD_TIME_ZONE', `"${c.timeZone}" is not WIB, WITA or WIT.`, r.column('timeZone'));
    const supervisorUserIds: string[] = [];
    for (const email of c.supervisors.split(/[;,\s]+/).filter(Boolean)) {
      const user = usersByEmail.get(email.toLowerCase());
      if (!EMAIL_PATTERN.test(email)) errors.add(r.row, 'BAD_EMAIL', `"${email}" is not an email address.`, r.column('supervisors'));
      else if (!user) errors.add(r.row, 'UNKNOWN_USER', `No user with the email ${email}.`, r.column('supervisors'));
      else if (!user.roles.includes('supervisor') || (region && !user.regionIds.includes(region.regionId))) {
        errors.add(r.row, 'NOT_A_SUPERVISOR', `${email} is not a supervisor of ${region?.name ?? 'the region'}.`, r.column('supervisors'));
      } else supervisorUserIds.push(user.userId);
    }
    if (errors.count > before || !level || !region || !timeZone) continue;
    plan.push({
      row: r.row, schoolId: `sch-${c.npsn}`, npsn: c.npsn, name: c.name, level, subDistrict: subDistrictOf(c.subDistrict),
      regionId: region.regionId, timeZone, supervisorUserIds: hasSupervisorColumn ? supervisorUserIds : null,
    });
  }
  if (data.length === 0 && errors.count === 0) errors.add(2, 'MISSING_FIELD', 'The sheet has no school rows.');
  return outcome(errors, plan);
}
