import { parseCsv } from '../csv';
import type { DirectorySnapshot } from './directory-snapshot';
import { validateRegionSheet } from './region-sheet';
import { validateSchoolSheet } from './school-sheet';
import { rolesOfStaff } from './staff-roles';
import { validateStaffSheet } from './staff-sheet';

const snapshot: DirectorySnapshot = {
  regions: [{ regionId: 'reg-jaktim', name: 'Kota Administrasi Jakarta Timur' }],
  schools: [{ schoolId: 'sch-a', npsn: '20100001', regionId: 'reg-jaktim' }],
  users: [
    { userId: 'u-pengawas', email: 'pengawas@x.id', roles: ['supervisor'], regionIds: ['reg-jaktim'] },
    { userId: 'u-guru', email: 'guru@x.id', roles: ['staff'], regionIds: [] },
  ],
};

describe('regions sheet', () => {
  it('plans every valid row', () => {
    const out = validateRegionSheet(parseCsv('Kode Wilayah,Nama Wilayah\nreg-bdg,Kota Bandung\nreg-bgr,Kota Bogor\n'), snapshot);
    expect(out).toEqual({ ok: true, plan: [{ row: 2, regionId: 'reg-bdg', name: 'Kota Bandung' }, { row: 3, regionId: 'reg-bgr', name: 'Kota Bogor' }] });
  });

  it('lists every row error with its row and column, and plans nothing', () => {
    const out = validateRegionSheet(parseCsv('Kode Wilayah,Nama Wilayah\nreg jaktim,X\nreg-jaktim,Y\nreg-b,\nreg-c,Kota C\nreg-c,Kota D\n'), snapshot);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'Kode Wilayah', 'BAD_ID'],
      [3, 'Kode Wilayah', 'ALREADY_EXISTS'],
      [4, 'Nama Wilayah', 'MISSING_FIELD'],
      [6, 'Kode Wilayah', 'DUPLICATE_ROW'],
    ]);
  });

  it('refuses a sheet without the required columns at row 1', () => {
    const out = validateRegionSheet(parseCsv('Nama\nKota Bandung\n'), snapshot);
    expect(out.ok ? [] : out.errors.map((e) => [e.row, e.code, e.column])).toEqual([[1, 'MISSING_HEADER', 'Kode Wilayah'], [1, 'MISSING_HEADER', 'Nama Wilayah']]);
  });
});

describe('schools sheet (Dapodik school list)', () => {
  const header = 'NPSN,Nama Sekolah,Bentuk Pendidikan,Status,Kecamatan,Kabupaten/Kota,Pengawas Email\n';

  it('maps level, sub-district, region (by name) and assigned supervisors', () => {
    const out = validateSchoolSheet(parseCsv(`${header}20100002,SD Negeri Cakung 01,SD,Negeri,Kec. Cakung,Kota Administrasi Jakarta Timur,pengawas@x.id\n`), snapshot);
    expect(out).toEqual({
      ok: true,
      plan: [{ row: 2, schoolId: 'sch-20100002', npsn: '20100002', name: 'SD Negeri Cakung 01', level: 'SD', subDistrict: 'Cakung', regionId: 'reg-jaktim', timeZone: 'Asia/Jakarta', supervisorUserIds: ['u-pengawas'] }],
    });
  });

  it('refuses unknown regions, bad NPSN and levels, existing schools and emails that are not supervisors of the region', () => {
    const rows = [
      '2010000,SD X,SD,Negeri,,reg-jaktim,',
      '20100001,SD Y,SD,Negeri,,reg-jaktim,',
      '20100003,SD Z,SLB,Negeri,,Kota Antah,',
      '20100004,SD W,SD,Negeri,,reg-jaktim,guru@x.id;nobody@x.id',
    ];
    const out = validateSchoolSheet(parseCsv(header + rows.join('\n')), snapshot);
    expect(out.ok ? [] : out.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'NPSN', 'BAD_NPSN'],
      [3, 'NPSN', 'ALREADY_EXISTS'],
      [4, 'Bentuk Pendidikan', 'BAD_LEVEL'],
      [4, 'Kabupaten/Kota', 'UNKNOWN_REGION'],
      [5, 'Pengawas Email', 'NOT_A_SUPERVISOR'],
      [5, 'Pengawas Email', 'UNKNOWN_USER'],
    ]);
  });

  it('leaves supervisors unset when the sheet has no Pengawas Email column', () => {
    const out = validateSchoolSheet(parseCsv('NPSN,Nama Sekolah,Bentuk Pendidikan,Kabupaten/Kota\n20100009,SMP Negeri 9,smp,reg-jaktim\n'), snapshot);
    expect(out.ok && out.plan[0]).toMatchObject({ level: 'SMP', supervisorUserIds: null, subDistrict: null });
  });
});

describe('users sheet (Dapodik GTK export)', () => {
  const header = 'Nama,NUPTK,JK,Tempat Lahir,Tanggal Lahir,NIP,Status Kepegawaian,Jenis PTK,Tugas Tambahan,Email,NPSN,Peran Mutu\n';

  it('maps Jenis PTK and Tugas Tambahan to roles, and the NPSN to the school', () => {
    const rows = [
      'Ibu Kepala,1234567890123456,P,Jakarta,1975-01-02,,PNS,Guru Kelas,Kepala Sekolah,kepala@x.id,20100001,',
      'Pak Guru,,L,Bogor,1980-03-04,198003042005011002,PNS,Guru Mapel,Wakil Kepala Sekolah,wakasek@x.id,20100001,TPMPS',
      'Bu Tendik,,P,Depok,1990-05-06,,Honor Sekolah,Tenaga Administrasi Sekolah,,tendik@x.id,20100001,',
    ];
    const out = validateStaffSheet(parseCsv(header + rows.join('\n')), snapshot);
    expect(out.ok && out.plan.map((u) => [u.userId, u.roles, u.schoolIds])).toEqual([
      ['u-1234567890123456', ['principal'], ['sch-a']],
      ['u-198003042005011002', ['staff', 'qa_team'], ['sch-a']],
      ['u-tendik', ['staff'], ['sch-a']],
    ]);
  });

  it('refuses unknown categories, unknown schools, bad identifiers and taken emails, row by row', () => {
    const rows = [
      'A,123,L,,,,PNS,Guru Kelas,,a@x.id,20100001,',
      'B,,L,,,,PNS,Astronot,,b@x.id,20100001,',
      'C,,L,,,,PNS,Guru Kelas,,guru@x.id,20100001,',
      'D,,L,,,,PNS,Guru Kelas,,d@x.id,99999999,',
      'E,,X,,,,PNS,Guru Kelas,,e@x.id,20100001,Bendahara',
    ];
    const out = validateStaffSheet(parseCsv(header + rows.join('\n')), snapshot);
    expect(out.ok ? [] : out.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'NUPTK', 'BAD_NUMBER_ID'],
      [3, 'Jenis PTK', 'UNKNOWN_ROLE'],
      [4, 'Email', 'ALREADY_EXISTS'],
      [5, 'NPSN', 'UNKNOWN_SCHOOL'],
      [6, 'JK', 'BAD_STATUS'],
      [6, 'Peran Mutu', 'UNKNOWN_ROLE'],
    ]);
  });

  it('places a supervisor (Pengawas) in a region, with or without an NPSN', () => {
    const out = validateStaffSheet(parseCsv('Nama,Jenis PTK,Email,NPSN,Kabupaten/Kota\nPak Pengawas,Pengawas Sekolah,p2@x.id,,Kota Administrasi Jakarta Timur\n'), snapshot);
    expect(out.ok && out.plan[0]).toMatchObject({ roles: ['supervisor'], schoolIds: [], regionIds: ['reg-jaktim'] });
  });

  it('role mapping: a deputy head is never the principal', () => {
    expect(rolesOfStaff('Guru Kelas', 'Wakil Kepala Sekolah', '')).toEqual(['staff']);
    expect(rolesOfStaff('Kepala Sekolah', '', '')).toEqual(['principal']);
    expect(rolesOfStaff('Guru Mapel', 'Plt. Kepala Sekolah', '')).toEqual(['principal']);
    expect(rolesOfStaff('Komite Sekolah', '', '')).toEqual(['committee']);
  });
});
