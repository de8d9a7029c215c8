import { isDomainError, type Actor, type CampaignSetup } from '@mutu/domain';
import type { CampaignDirectory } from './campaign-directory';
import { importCampaign } from './import-campaign';

const directory: CampaignDirectory = {
  findSchools: async (keys) => keys.map((k) => ({ schoolId: `sch-${k}`, npsn: k, name: `SD ${k}`, regionId: 'reg-jaktim' })),
  findUsers: async (emails) => emails.map((e) => ({ userId: `u-${e}`, email: e, name: e, roles: [], schoolIds: [], regionIds: ['reg-jaktim'], schoolRegionIds: [] })),
  regionExists: async (r) => r === 'reg-jaktim',
};
const CSV = [
  'record,cluster,school,position,number,date,email,team_role,title,start,end,region,organiser',
  'campaign,,,,,,,,Uji,2027-09-01,2027-11-30,reg-jaktim,LPMP',
  'school,K01,1,core', 'school,K01,2,impact1',
  'meeting,K01,,,1,2027-09-06', 'meeting,K01,,,2,2027-09-13',
  'team,K01,,,,,t@demo.id,trainer',
].join('\n');
const officer: Actor = { userId: 'u-lpmp', roles: ['district_officer'], schoolIds: [], regionIds: ['reg-jaktim'] };

function launcher(alreadyExists = false) {
  const launched: CampaignSetup[] = [];
  return { launched, launch: async (setup: CampaignSetup) => (launched.push(setup), { alreadyExists }) };
}

describe('importCampaign', () => {
  it('validates, then launches once; a dry run launches nothing', async () => {
    const l = launcher();
    const req = { buffer: Buffer.from(CSV), filename: 'c.csv', actor: officer };
    const dry = await importCampaign({ ...req, dryRun: true }, { directory, launch: l.launch });
    expect(l.launched).toHaveLength(0);
    expect(dry).toEqual({ ok: true, result: expect.objectContaining({ clusters: 1, schools: 2, meetings: 2, teamMembers: 1, created: false, dryRun: true }) });
    const real = await importCampaign({ ...req, dryRun: false }, { directory, launch: l.launch });
    expect(l.launched.map((s) => s.campaignId)).toEqual([real.ok && real.result.campaignId]);
    expect(real.ok && real.result.created).toBe(true);
    expect(l.launched[0].organiserIds).toEqual(['u-lpmp']);
  });

  it('reports created: false when the campaign already runs', async () => {
    const r = await importCampaign({ buffer: Buffer.from(CSV), filename: 'c.csv', actor: officer, dryRun: false }, { directory, launch: launcher(true).launch });
    expect(r.ok && r.result.created).toBe(false);
  });

  it('launches nothing for an invalid sheet', async () => {
    const l = launcher();
    const r = await importCampaign({ buffer: Buffer.from(CSV.replace('2027-09-13', '2027-09-31')), filename: 'c.csv', actor: officer, dryRun: false }, { directory, launch: l.launch });
    expect(r).toEqual({ ok: false, errors: [expect.objectContaining({ row: 6, code: 'BAD_DATE' })] });
    expect(l.launched).toHaveLength(0);
  });

  it('refuses roles other than district officer and admin before reading the file', async () => {
    const principal: Actor = { userId: 'u-p', roles: ['principal'], schoolIds: ['sch-1'], regionIds: [] };
    const err = await importCampaign({ buffer: Buffer.from('not read'), filename: 'x.pdf', actor: principal, dryRun: true }, { directory, launch: launcher().launch }).catch((e: unknown) => e);
    expect(isDomainError(err) && err.code).toBe('FORBIDDEN_ROLE');
  });
});
