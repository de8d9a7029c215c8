import { CampaignSetupSchema, DEFAULT_MATERIALS, type Actor } from '@mutu/domain';
import type { CampaignDirectory, DirectorySchool, DirectoryUser } from './campaign-directory';
import { validateCampaignSheet, type CampaignSheetResult } from './campaign-sheet';
import { parseCsv } from './csv';

const school = (i: number, regionId = 'reg-jaktim'): DirectorySchool => ({ schoolId: `sch-${i}`, npsn: String(20110000 + i), name: `SD Negeri Uji ${i}`, regionId });
const user = (email: string, extra: Partial<DirectoryUser> = {}): DirectoryUser => ({
  userId: `u-${email.split('@')[0]}`, email, name: `Nama ${email}`, roles: ['district_officer'], schoolIds: [], regionIds: ['reg-jaktim'], schoolRegionIds: [], ...extra,
});

/** An in-memory directory that counts its lookups (the import must batch them). */
class MemoryDirectory implements CampaignDirectory {
  calls = { schools: 0, users: 0, regions: 0 };
  schools = [...Array.from({ length: 8 }, (_, i) => school(i + 1)), school(99, 'reg-bdg')];
  users = [
    user('trainer@demo.id'),
    user('staff@demo.id'),
    user('kepsek@demo.id', { roles: ['principal'], regionIds: [], schoolIds: ['sch-1'], schoolRegionIds: ['reg-jaktim'] }),
    user('bandung@demo.id', { regionIds: ['reg-bdg'] }),
  ];
  regions = ['reg-jaktim', 'reg-bdg'];
  async findSchools(keys: readonly string[]) {
    this.calls.schools++;
    return this.schools.filter((s) => keys.includes(s.schoolId) || (s.npsn !== null && keys.includes(s.npsn)));
  }
  async findUsers(emails: readonly string[]) {
    this.calls.users++;
    return this.users.filter((u) => emails.includes(u.email));
  }
  async regionExists(id: string) {
    this.calls.regions++;
    return this.regions.includes(id);
  }
}

const officer: Actor = { userId: 'u-lpmp', roles: ['district_officer'], schoolIds: [], regionIds: ['reg-jaktim'] };
const admin: Actor = { userId: 'u-admin', roles: ['admin'], schoolIds: [], regionIds: [] };

const HEADER = 'record,cluster,school,position,number,date,email,team_role,name,title,start,end,materials,region,time_zone,organiser';
const CAMPAIGN = 'campaign,,,,,,,,,Pendampingan Uji,2027-09-01,2027-11-30,,reg-jaktim,,LPMP DKI Jakarta';
/** lines[i] is row i + 1: rows 3..13 are cluster K01 (schools 1–4), rows 14..23 cluster K02 (schools 5–8). */
function validLines(): string[] {
  const cluster = (code: string, first: number, month: string) => [
    `school,${code},${20110000 + first},core`,
    `school,${code},${20110000 + first + 1},impact1`,
    `school,${code},sch-${first + 2},impact2`,
    `school,${code},${20110000 + first + 3},impact3`,
    `meeting,${code},,,1,2027-${month}-06`,
    `meeting,${code},,,2,2027-${month}-13`,
    `meeting,${code},,,3,2027-${month}-20`,
    `meeting,${code},,,4,2027-${month}-27`,
    `team,${code},,,,,trainer@demo.id,trainer`,
    `team,${code},,,,,staff@demo.id,agency_staff,Bapak Staf`,
  ];
  return [HEADER, CAMPAIGN, ...cluster('K01', 1, '09'), 'team,K01,,,,,kepsek@demo.id,principal', ...cluster('K02', 5, '10')];
}

const run = (lines: string[], actor = officer, dir = new MemoryDirectory()) => validateCampaignSheet(parseCsv(lines.join('\n')), dir, { actor });
const errorsOf = (r: CampaignSheetResult) => (r.ok ? [] : r.errors.map((e) => `${e.row} ${e.column ?? '-'} ${e.code}`));

describe('validateCampaignSheet', () => {
  it('turns a valid sheet into the setup the domain accepts, with names and regions from the directory', async () => {
    const r = await run(validLines());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(CampaignSetupSchema.parse(r.setup)).toEqual(r.setup);
    expect(r.summary).toEqual({ clusters: 2, schools: 8, meetings: 8, teamMembers: 5 });
    expect(r.setup).toMatchObject({
      title: 'Pendampingan Uji', regionId: 'reg-jaktim', organiser: 'LPMP DKI Jakarta', organiserIds: ['u-lpmp'], timeZone: 'Asia/Jakarta',
      period: { start: '2027-09-01', end: '2027-11-30' },
      materials: DEFAULT_MATERIALS.map((m) => ({ ...m })),
    });
    expect(r.setup.campaignId).toMatch(/^cmp-[0-9a-f]{12}$/);
    const k01 = r.setup.clusters[0];
    expect(k01.clusterId).toBe('K01');
    expect(k01.name).toBe('K01 – SD Negeri Uji 1');
    expect(k01.schools.map((s) => [s.schoolId, s.position, s.regionId])).toEqual([['sch-1', 0, 'reg-jaktim'], ['sch-2', 1, 'reg-jaktim'], ['sch-3', 2, 'reg-jaktim'], ['sch-4', 3, 'reg-jaktim']]);
    expect(k01.team).toEqual([
      { userId: 'u-trainer', name: 'Nama trainer@demo.id', role: 'trainer' },
      { userId: 'u-staff', name: 'Bapak Staf', role: 'agency_staff' },
      { userId: 'u-kepsek', name: 'Nama kepsek@demo.id', role: 'principal' },
    ]);
    expect(k01.meetings).toEqual([1, 2, 3, 4].map((n) => ({ number: n, date: `2027-09-${String(n * 7 - 1).padStart(2, '0')}` })));
  });

  it('looks up each kind once, however many rows', async () => {
    const dir = new MemoryDirectory();
    await run(validLines(), officer, dir);
    expect(dir.calls).toEqual({ schools: 1, users: 1, regions: 1 });
  });

  it('names the same campaign for the same content: header case, column order and blank rows do not matter', async () => {
    const a = await run(validLines());
    const swapped = validLines().map((l) => { const c = parseCsv(l)[0]; return [c[1] ?? '', c[0], ...c.slice(2)].join(','); });
    swapped[0] = swapped[0].toUpperCase();
    const b = await run([...swapped.slice(0, 5), '', ',,,', ...swapped.slice(5)]);
    const c = await run(validLines().map((l, i) => (i === 18 ? l.replace('2027-10-13', '2027-10-14') : l)));
    if (!a.ok || !b.ok || !c.ok) throw new Error('expected valid sheets');
    expect(b.setup.campaignId).toBe(a.setup.campaignId);
    expect(c.setup.campaignId).not.toBe(a.setup.campaignId);
  });

  it('reports every error of the sheet with its row and column, not only the first', async () => {
    const lines = validLines();
    lines[3] = 'school,K01,29999999,impact1'; // unknown school
    lines[9] = 'meeting,K01,,,4,2027-12-02'; // after the period
    lines[13] = 'school,K02,20110005,kepala'; // K02's core row: bad position, so no core
    lines[15] = 'school,K02,20110001,impact2'; // school 1 is K01's core
    lines[18] = 'meeting,K02,,,2,31/09/2027';
    lines[19] = 'meeting,K02,,,3,2027-02-30';
    lines.push('meeting,K02,,,2,2027-10-01', 'team,K02,,,,,nobody@demo.id,trainer', 'team,K02,,,,,bandung@demo.id,trainer', 'tim,K02', 'team,K02,,,,,,mentor');
    const r = await run(lines);
    expect(errorsOf(r)).toEqual([
      '4 school UNKNOWN_SCHOOL',
      '10 date MEETING_OUTSIDE_PERIOD',
      '14 position BAD_POSITION',
      '14 cluster MISSING_CORE_SCHOOL',
      '16 school DUPLICATE_SCHOOL',
      '19 date BAD_DATE',
      '20 date BAD_DATE',
      '24 number DUPLICATE_MEETING',
      '25 email UNKNOWN_USER',
      '26 email UNKNOWN_USER', // a user of another region is reported as unknown
      '27 record UNKNOWN_RECORD',
      '28 email MISSING_FIELD',
      '28 team_role BAD_TEAM_ROLE',
    ]);
    if (!r.ok) expect(r.errors.find((e) => e.row === 16)?.message).toMatch(/already in cluster K01 \(row 3\)/);
  });

  it('checks meeting order, count and numbering per cluster', async () => {
    const lines = validLines();
    lines[8] = 'meeting,K01,,,3,2027-09-10'; // before meeting 2 (09-13)
    lines.splice(18, 1); // K02 meeting 2 gone
    lines.push('meeting,K02,,,5,2027-10-28', 'meeting,K02,,,x,2027-10-28');
    expect(errorsOf(await run(lines))).toEqual([
      '9 date MEETING_ORDER',
      '14 cluster MEETING_COUNT',
      '23 number MEETING_COUNT',
      '24 number BAD_NUMBER',
    ]);
  });

  it('checks school positions: duplicates, gaps, a core school alone', async () => {
    const lines = validLines();
    lines[4] = 'school,K01,20110003,impact1'; // impact1 twice, no impact2
    const only = [HEADER, CAMPAIGN, 'school,K03,20110005,core', 'meeting,K03,,,1,2027-09-06', 'team,K03,,,,,trainer@demo.id,trainer'];
    expect(errorsOf(await run(lines))).toEqual(['3 cluster POSITION_GAP', '5 position DUPLICATE_POSITION']);
    expect(errorsOf(await run(only))).toEqual(['3 cluster CLUSTER_TOO_SMALL']);
  });

  it('needs exactly one campaign row with its fields, a valid period, time zone and materials', async () => {
    expect(errorsOf(await run(validLines().filter((_, i) => i !== 1)))).toEqual(['1 - MISSING_CAMPAIGN_ROW']);
    const twice = [...validLines(), CAMPAIGN];
    expect(errorsOf(await run(twice))).toEqual([`${twice.length} record DUPLICATE_CAMPAIGN_ROW`]);
    const bad = validLines();
    bad[1] = 'campaign,,,,,,,,,,2027-11-30,2027-09-01,Best Practices;best practices,reg-jaktim,Asia/Bandung,';
    expect(errorsOf(await run(bad))).toEqual(['2 title MISSING_FIELD', '2 organiser MISSING_FIELD', '2 end BAD_PERIOD', '2 time_zone BAD_TIME_ZONE', '2 materials DUPLICATE_MATERIAL']);
  });

  it('reads its own materials list, keeping the ids of the default materials', async () => {
    const lines = validLines();
    lines[1] = CAMPAIGN.replace(',,reg-jaktim', ',Penguatan Mutu MBS; Literasi & Numerasi ,reg-jaktim');
    const r = await run(lines);
    expect(r.ok && r.setup.materials).toEqual([{ id: 'mutu-mbs', title: 'Penguatan Mutu MBS' }, { id: 'literasi-numerasi', title: 'Literasi & Numerasi' }]);
  });

  it('answers UNKNOWN_REGION alike for a region that does not exist and one outside the importer scope', async () => {
    for (const region of ['reg-nowhere', 'reg-bdg']) {
      const lines = validLines();
      lines[1] = CAMPAIGN.replace('reg-jaktim', region);
      const r = await run(lines);
      expect(errorsOf(r)).toEqual(['2 region UNKNOWN_REGION']);
      if (!r.ok) expect(r.errors[0].message).toBe(`Region ${region} not found.`);
    }
    const lines = validLines();
    lines[1] = CAMPAIGN.replace('reg-jaktim', 'reg-bdg');
    lines[3] = 'school,K01,20110099,impact1';
    lines[12] = 'team,K01,,,,,bandung@demo.id,principal';
    expect(errorsOf(await run(lines))).toEqual(['2 region UNKNOWN_REGION', '4 school UNKNOWN_SCHOOL', '13 email UNKNOWN_USER']);
    expect((await run(lines, admin)).ok).toBe(true);
  });

  it('refuses a sheet without a usable header, and names unknown columns', async () => {
    expect(errorsOf(await run(['campaign,K01', 'school,K01']))).toEqual(['1 - MISSING_HEADER']);
    expect(errorsOf(await run([]))).toEqual(['1 - MISSING_HEADER']);
    const lines = validLines();
    lines[0] = `${HEADER},catatan,Record`;
    expect(errorsOf(await run(lines))).toEqual(['1 catatan UNKNOWN_COLUMN', '1 record DUPLICATE_COLUMN']);
  });
});
