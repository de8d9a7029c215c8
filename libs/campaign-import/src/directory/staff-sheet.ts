// The users sheet, in the column layout of a Dapodik GTK (teachers and education staff) export:
// Nama, NUPTK, JK, Tempat Lahir, Tanggal Lahir, NIP, Status Kepegawaian, Jenis PTK, Tugas
// Tambahan, … plus Email and the school's NPSN. Columns Mutu does not keep are read past.
import { SheetErrors } from '../sheet-errors';
import { EMAIL_PATTERN, firstOccurrence, outcome, readDirectoryRows, requireCell, type ColumnSpec, type DirectoryOutcome } from './directory-sheet';
import { regionFinder, type DirectorySnapshot } from './directory-snapshot';
import { rolesOfStaff, type StaffRole } from './staff-roles';

export const STAFF_COLUMNS = [
  { key: 'name', names: ['Nama'], required: true },
  { key: 'nuptk', names: ['NUPTK'] },
  { key: 'gender', names: ['JK', 'L/P'] },
  { key: 'nip', names: ['NIP'] },
  { key: 'jenisPtk', names: ['Jenis PTK'], required: true },
  { key: 'tugasTambahan', names: ['Tugas Tambahan'] },
  { key: 'email', names: ['Email', 'E-mail'], required: true },
  { key: 'npsn', names: ['NPSN', 'NPSN Sekolah'], required: true },
  { key: 'region', names: ['Kabupaten/Kota', 'Kode Wilayah'] },
  { key: 'qualityRole', names: ['Peran Mutu'] },
] as const satisfies readonly ColumnSpec<string>[];

export interface NewUser {
  row: number;
  userId: string;
  email: string;
  name: string;
  roles: StaffRole[];
  schoolIds: string[];
  regionIds: string[];
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);

/** NUPTK (16 digits) or NIP (18 digits) when the row has one, else the email's local part. */
function userIdOf(nuptk: string, nip: string, email: string): string {
  if (nuptk) return `u-${nuptk}`;
  if (nip) return `u-${nip}`;
  return `u-${slug(email.split('@')[0]!) || 'staff'}`;
}

export function validateStaffSheet(rows: string[][], snapshot: DirectorySnapshot): DirectoryOutcome<NewUser[]> {
  const errors = new SheetErrors();
  const data = readDirectoryRows(rows, STAFF_COLUMNS, errors);
  const schoolsByNpsn = new Map(snapshot.schools.filter((s) => s.npsn).map((s) => [s.npsn!, s]));
  const findRegion = regionFinder(snapshot.regions);
  const existingEmails = new Set(snapshot.users.map((u) => u.email));
  const existingIds = new Set(snapshot.users.map((u) => u.userId));
  const emails = new Map<string, number>();
  const ids = new Map<string, number>();
  const plan: NewUser[] = [];
  for (const r of data) {
    const before = errors.count;
    const c = r.cells;
    requireCell(r, 'name', errors);
    requireCell(r, 'jenisPtk', errors);
    if (requireCell(r, 'email', errors, 254)) {
      if (!EMAIL_PATTERN.test(c.email)) errors.add(r.row, 'BAD_EMAIL', `"${c.email}" is not an email address.`, r.column('email'));
      else if (existingEmails.has(c.email.toLowerCase())) errors.add(r.row, 'ALREADY_EXISTS', `A user with the email ${c.email} already exists.`, r.column('email'));
      else firstOccurrence(emails, r, 'email', errors);
    }
    if (c.nuptk && !/^\d{16}$/.test(c.nuptk)) errors.add(r.row, 'BAD_NUMBER_ID', `NUPTK "${c.nuptk}" is not 16 digits.`, r.column('nuptk'));
    if (c.nip && !/^\d{18}$/.test(c.nip)) errors.add(r.row, 'BAD_NUMBER_ID', `NIP "${c.nip}" is not 18 digits.`, r.column('nip'));
    if (c.gender && !/^[LP]$/i.test(c.gender)) errors.add(r.row, 'BAD_STATUS', `JK "${c.gender}" is not L or P.`, r.column('gender'));
    const roles = c.jenisPtk ? rolesOfStaff(c.jenisPtk, c.tugasTambahan, c.qualityRole) : undefined;
    if (c.jenisPtk && !roles) {
      const which = rolesOfStaff(c.jenisPtk, c.tugasTambahan, '') ? 'qualityRole' : 'jenisPtk';
      errors.add(r.row, 'UNKNOWN_ROLE', `"${c[which]}" does not map to a Mutu role (see docs/admin-console.md).`, r.column(which));
    }
    const supervisor = roles?.includes('supervisor') ?? false;
    // A supervisor (pengawas) serves a region: the NPSN may be empty when Kabupaten/Kota names it.
    const school = c.npsn ? schoolsByNpsn.get(c.npsn) : undefined;
    if (c.npsn && !school) errors.add(r.row, 'UNKNOWN_SCHOOL', `No school with NPSN ${c.npsn} (import the schools first).`, r.column('npsn'));
    const region = c.region ? findRegion(c.region) : undefined;
    if (c.region && !region) errors.add(r.row, 'UNKNOWN_REGION', `No region with the name or id "${c.region}".`, r.column('region'));
    if (!c.npsn && !(supervisor && c.region)) {
      errors.add(r.row, 'MISSING_FIELD', supervisor ? 'A supervisor needs an NPSN or a Kabupaten/Kota.' : '"NPSN" is empty.', r.column('npsn'));
    }
    const userId = userIdOf(c.nuptk, c.nip, c.email);
    // A row already refused for its email needs no second error for the id made from it.
    if (errors.count > before && !c.nuptk && !c.nip) continue;
    if (existingIds.has(userId)) errors.add(r.row, 'ALREADY_EXISTS', `The user id ${userId} is taken.`, r.column(c.nuptk ? 'nuptk' : c.nip ? 'nip' : 'email'));
    else if (ids.has(userId)) errors.add(r.row, 'DUPLICATE_ROW', `The user id ${userId} is already on row ${ids.get(userId)}.`, r.column(c.nuptk ? 'nuptk' : c.nip ? 'nip' : 'email'));
    else ids.set(userId, r.row);
    if (errors.count > before || !roles) continue;
    const regionId = region?.regionId ?? school?.regionId;
    plan.push({
      row: r.row, userId, email: c.email.toLowerCase(), name: c.name, roles,
      schoolIds: supervisor || !school ? [] : [school.schoolId],
      regionIds: supervisor && regionId ? [regionId] : [],
    });
  }
  if (data.length === 0 && errors.count === 0) errors.add(2, 'MISSING_FIELD', 'The sheet has no staff rows.');
  return outcome(errors, plan);
}
