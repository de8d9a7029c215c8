import type { Actor } from '../actor';
import { CAMPAIGN_REGION, clusterActors as who, givenCampaign as given, testCampaignSetup } from '../testing/cluster-specification';
import { campaignSetupIssues, type CampaignCommand, type CampaignState } from './campaign.aggregate';
import type { CampaignSetup } from './campaign.schemas';
import { CAMPAIGN_ACTOR } from './rtl-program';

const NOW = '2027-08-20T02:00:00.000Z';
const create = (actor: Actor = who.organiser, setup: CampaignSetup = testCampaignSetup(3)): CampaignCommand => ({
  commandId: 'create',
  type: 'CreateCampaign',
  actor,
  now: NOW,
  payload: { setup },
});
const completed = (clusterId: string, actor: Actor = CAMPAIGN_ACTOR, now = '2027-10-26T03:00:00.000Z'): CampaignCommand => ({
  commandId: `done-${clusterId}`,
  type: 'RecordClusterCompleted',
  actor,
  now,
  payload: { clusterId },
});
const created = () => given().when(create()).thenState();
const afterCompleted = (ids: string[]): CampaignState => ids.reduce((s, id) => given(s).when(completed(id)).thenState(), created());

describe('CreateCampaign', () => {
  it('a district officer of the region creates the campaign', () => {
    const setup = testCampaignSetup(3);
    given()
      .when(create(who.organiser, setup))
      .then([{ type: 'CampaignCreated', v: 1, data: { setup, by: who.organiser.userId, role: 'district_officer', at: NOW } }]);
    expect(given().when(create(who.organiser, setup)).thenState()).toEqual({
      status: 'open',
      setup,
      completedClusters: [],
      createdBy: who.organiser.userId,
      createdAt: NOW,
      closedAt: null,
    });
  });

  it('an admin creates a campaign in any region', () => {
    const elsewhere = { ...testCampaignSetup(1), regionId: 'reg-bandung' };
    const [e] = given().when(create(who.admin, elsewhere)).thenEmits(['CampaignCreated']);
    expect(e.data).toMatchObject({ role: 'admin', by: who.admin.userId });
  });

  it.each([
    ['a supervisor', who.supervisor],
    ['a principal', who.corePrincipal],
    ['the workflow', CAMPAIGN_ACTOR],
  ])('%s may not organise a campaign', (_, actor) => {
    given().when(create(actor)).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it("a district officer of another region does not see the campaign's region", () => {
    const bandung: Actor = { ...who.districtOfficer, userId: 'u-dinas-bdg', regionIds: ['reg-bandung'] };
    given().when(create(bandung)).thenThrows('OUT_OF_SCOPE', 404);
    expect(testCampaignSetup().regionId).toBe(CAMPAIGN_REGION);
  });

  it('refuses to create the same campaign twice', () => {
    given(created()).when(create()).thenThrows('ALREADY_EXISTS', 409);
  });

  it('refuses an invalid setup with every issue in the details', () => {
    const setup = testCampaignSetup(2);
    const bad = { ...setup, period: { start: '2027-11-30', end: '2027-09-01' } };
    let details: unknown;
    try {
      given().when(create(who.organiser, bad)).thenState();
    } catch (e) {
      details = (e as { details?: unknown }).details;
    }
    given().when(create(who.organiser, bad)).thenThrows('INVALID_CAMPAIGN', 422);
    expect(details).toEqual({ issues: [{ path: 'period', message: 'ends before it starts' }] });
  });
});

describe('campaignSetupIssues', () => {
  it('a valid setup (the seed campaign) has no issues', () => {
    expect(campaignSetupIssues(testCampaignSetup(15))).toEqual([]);
  });

  it('a period that ends before it starts', () => {
    const setup = { ...testCampaignSetup(), period: { start: '2027-09-02', end: '2027-09-01' } };
    expect(campaignSetupIssues(setup)).toEqual([{ path: 'period', message: 'ends before it starts' }]);
  });

  it('a one-day period is fine', () => {
    expect(campaignSetupIssues({ ...testCampaignSetup(), period: { start: '2027-09-01', end: '2027-09-01' } })).toEqual([]);
  });

  it('a cluster id used twice', () => {
    const setup = testCampaignSetup(2);
    const [k1, k2] = setup.clusters;
    const dup = { ...setup, clusters: [k1, { ...k2, clusterId: k1.clusterId }] };
    expect(campaignSetupIssues(dup)).toEqual([{ path: 'clusters.1.clusterId', message: 'cluster K01 appears twice' }]);
  });

  it('a school in two clusters', () => {
    const setup = testCampaignSetup(2);
    const [k1, k2] = setup.clusters;
    const shared = { ...k2, schools: k2.schools.map((sc) => (sc.position === 2 ? { ...sc, schoolId: k1.schools[1].schoolId } : sc)) };
    expect(campaignSetupIssues({ ...setup, clusters: [k1, shared] })).toEqual([
      { path: 'clusters.1.schools.2', message: `school ${k1.schools[1].schoolId} is already in cluster K01` },
    ]);
  });

  it('material ids used twice', () => {
    const setup = testCampaignSetup();
    const materials = [...setup.materials, { id: setup.materials[0].id, title: 'Lagi' }];
    expect(campaignSetupIssues({ ...setup, materials })).toEqual([{ path: 'materials', message: 'material ids must be unique' }]);
  });

  it('reports every issue at once', () => {
    const setup = testCampaignSetup(2);
    const bad = {
      ...setup,
      period: { start: '2027-12-01', end: '2027-09-01' },
      materials: [setup.materials[0], setup.materials[0]],
      clusters: [setup.clusters[0], { ...setup.clusters[0] }],
    };
    expect(campaignSetupIssues(bad).map((i) => i.path)).toEqual([
      'period',
      'clusters.1.clusterId',
      'clusters.1.schools.0',
      'clusters.1.schools.1',
      'clusters.1.schools.2',
      'clusters.1.schools.3',
      'materials',
    ]);
  });
});

describe('RecordClusterCompleted', () => {
  it('the workflow records a completed cluster; the campaign stays open while others run', () => {
    const cmd = completed('K02');
    given(created()).when(cmd).then([{ type: 'CampaignClusterCompleted', v: 1, data: { clusterId: 'K02', at: cmd.now } }]);
    expect(given(created()).when(cmd).thenState()).toMatchObject({ status: 'open', completedClusters: ['K02'], closedAt: null });
  });

  it('the last cluster closes the campaign, in any order', () => {
    const cmd = completed('K02', CAMPAIGN_ACTOR, '2027-11-20T03:00:00.000Z');
    given(afterCompleted(['K03', 'K01']))
      .when(cmd)
      .then([
        { type: 'CampaignClusterCompleted', v: 1, data: { clusterId: 'K02', at: cmd.now } },
        { type: 'CampaignClosed', v: 1, data: { at: cmd.now } },
      ]);
    expect(given(afterCompleted(['K03', 'K01'])).when(cmd).thenState()).toMatchObject({
      status: 'closed',
      completedClusters: ['K03', 'K01', 'K02'],
      closedAt: cmd.now,
    });
  });

  it.each([
    ['the organiser', who.organiser],
    ['an admin', who.admin],
  ])('%s cannot record a completion (only the workflow)', (_, actor) => {
    given(created()).when(completed('K01', actor)).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('refuses an unknown cluster', () => {
    given(created()).when(completed('K99')).thenThrows('NOT_FOUND', 404);
  });

  it('refuses a cluster completed twice (and does not close the campaign early)', () => {
    const state = afterCompleted(['K01']);
    given(state).when(completed('K01')).thenThrows('ALREADY_EXISTS', 409);
    given(afterCompleted(['K01', 'K02'])).when(completed('K02')).thenThrows('ALREADY_EXISTS', 409);
  });

  it('refuses a campaign that does not exist', () => {
    given().when(completed('K01')).thenThrows('NOT_FOUND', 404);
  });
});
