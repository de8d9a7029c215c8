// Given / when / then for a mentoring cluster's decider and the campaign aggregate, with the actors,
// commands and a builder of cluster histories over the seed's campaign (one cluster of a core school
// and three impact schools, meetings on 6 Sep, 20 Sep, 4 Oct and 18 Oct 2027).
import type { Actor, Role } from '../actor';
import { decideCampaign, evolveCampaign, initialCampaignState, type CampaignCommand, type CampaignEvent, type CampaignState } from '../campaign/campaign.aggregate';
import type { CampaignSetup, MeetingDocumentation, RtlAction } from '../campaign/campaign.schemas';
import type { ClusterCommand, ClusterCommandOf, ClusterCommandType } from '../campaign/cluster.commands';
import { decideCluster } from '../campaign/cluster.decider';
import type { ClusterEvent } from '../campaign/cluster.events';
import { evolveCluster } from '../campaign/cluster.evolve';
import { initialClusterState, type ClusterState, type OpenCluster } from '../campaign/cluster.state';
import { CAMPAIGN_ACTOR } from '../campaign/rtl-program';
import { CAMPAIGN_YEAR, plannedDate, seedCampaignSetup } from './campaign-fixtures';
import { deciderSpecification, runDecider, type Decider } from './decider-specification';

export const clusterDecider: Decider<ClusterCommand, ClusterEvent, ClusterState> = {
  decide: decideCluster,
  evolve: evolveCluster,
  initialState: initialClusterState,
};
export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = {
  decide: decideCampaign,
  evolve: evolveCampaign,
  initialState: initialCampaignState,
};

export const givenCluster = deciderSpecification(clusterDecider);
export const givenCampaign = deciderSpecification(campaignDecider);

export const CAMPAIGN_REGION = 'reg-cmp';
export const campaignPeople = {
  organiser: 'u-lpmp',
  district: 'u-dinas',
  trainer: (i: number) => `u-wi-${i}`,
  supervisor: (i: number) => `u-pengawas-${i}`,
  agencyStaff: (i: number) => `u-fpmp-${i}`,
  principal: (schoolId: string) => `${schoolId}-kepsek`,
};

/** The seed's campaign in region 'reg-cmp' with `clusters` clusters (K01, K02, …) of 1 + 3 schools. */
export function testCampaignSetup(clusters = 1): CampaignSetup {
  return seedCampaignSetup('t', CAMPAIGN_REGION, campaignPeople, clusters);
}

/** School ids of cluster K01: the core school s0 and impact schools s1..s3. */
export const clusterSchool = (position: number, cluster = 'K01') => `t-${cluster}-s${position}`;

const person = (userId: string, roles: Role[], scope: Partial<Pick<Actor, 'schoolIds' | 'regionIds'>> = {}): Actor => ({
  userId,
  name: userId,
  roles,
  schoolIds: scope.schoolIds ?? [],
  regionIds: scope.regionIds ?? [],
});

/** The people around cluster K01 (team members hold whatever platform role; the cluster knows them by id). */
export const clusterActors = {
  system: CAMPAIGN_ACTOR,
  organiser: person(campaignPeople.organiser, ['district_officer'], { regionIds: [CAMPAIGN_REGION] }),
  trainer: person(campaignPeople.trainer(0), ['district_officer']),
  agencyStaff: person(campaignPeople.agencyStaff(0), ['district_officer']),
  supervisor: person(campaignPeople.supervisor(0), ['supervisor']),
  /** The core school's principal, on the team. */
  corePrincipal: person(campaignPeople.principal(clusterSchool(0)), ['principal'], { schoolIds: [clusterSchool(0)] }),
  /** Impact school 1's principal: acts for the school only. */
  impactPrincipal: person('u-kepsek-s1', ['principal'], { schoolIds: [clusterSchool(1)] }),
  /** Impact school 2's QA team. */
  impactQaTeam: person('u-tpmps-s2', ['qa_team'], { schoolIds: [clusterSchool(2)] }),
  /** A teacher of impact school 1: sees the cluster, has no part in it. */
  impactStaff: person('u-guru-s1', ['staff'], { schoolIds: [clusterSchool(1)] }),
  /** The region's education office, not an organiser of this campaign. */
  districtOfficer: person(campaignPeople.district, ['district_officer'], { regionIds: [CAMPAIGN_REGION] }),
  admin: person('u-admin', ['admin']),
  /** A principal elsewhere. */
  outsider: person('u-outsider', ['principal', 'supervisor'], { schoolIds: ['sch-9'], regionIds: ['reg-9'] }),
  /** A trainer of cluster K02 (not of K01), with no scope. */
  otherTrainer: person(campaignPeople.trainer(1), ['district_officer']),
} satisfies Record<string, Actor>;

/** An instant at a Jakarta wall-clock time (UTC+7, no DST). */
export function wib(date: string, time = '10:00'): string {
  return new Date(`${date}T${time}:00+07:00`).toISOString();
}

/** Planned date of meeting `number` of cluster K01. */
export const meetingDay = (number: number) => plannedDate(0, number);

let sequence = 0;
export function clusterCommand<T extends ClusterCommandType>(
  type: T,
  actor: Actor,
  payload: ClusterCommandOf<T>['payload'],
  now = wib(meetingDay(1), '07:00'),
): ClusterCommandOf<T> {
  sequence += 1;
  return { commandId: `c-${sequence}`, type, actor, now, payload } as ClusterCommandOf<T>;
}

export function openClusterCommand(setup = testCampaignSetup(), index = 0, now = wib(`${CAMPAIGN_YEAR}-08-25`)): ClusterCommandOf<'OpenCluster'> {
  const { campaignId, title, regionId, organiserIds, timeZone, period, materials } = setup;
  const cluster = setup.clusters[index];
  return clusterCommand('OpenCluster', clusterActors.system, { campaignId, campaignTitle: title, regionId, organiserIds, timeZone, period, materials, cluster }, now);
}

/** Complete documentation of meeting `number` of K01, held on its planned day. */
export function meetingDocumentation(number: number, overrides: Partial<MeetingDocumentation> = {}): MeetingDocumentation {
  const host = clusterSchool(number - 1);
  return {
    heldOn: meetingDay(number),
    hostSchoolId: host,
    materialsCovered: ['mutu-pembelajaran', 'best-practices'],
    attendance: [
      { name: 'Widyaiswara K01', userId: campaignPeople.trainer(0), function: 'narasumber' },
      { name: `Kepala ${host}`, schoolId: host, function: 'kepala sekolah' },
    ],
    minutes: `Berita acara pertemuan ${number}: materi disampaikan, sekolah menyusun rencana.`,
    photos: [],
    ...overrides,
  };
}

/** DocumentMeeting by the trainer in the afternoon of the meeting's day. */
export function documentMeeting(number: number, overrides: Partial<MeetingDocumentation> = {}, actor: Actor = clusterActors.trainer, now?: string) {
  const documentation = meetingDocumentation(number, overrides);
  return clusterCommand('DocumentMeeting', actor, { number, ...documentation }, now ?? wib(documentation.heldOn, '15:00'));
}

/** After the last meeting (18 Oct 2027): the day RTLs are written. */
export const RTL_DAY = `${CAMPAIGN_YEAR}-10-25`;

export function rtlActions(n = 2, dueDate = `${CAMPAIGN_YEAR}-12-10`): RtlAction[] {
  return Array.from({ length: n }, (_, i) => ({ id: `rtl-a${i + 1}`, action: `Tindak lanjut ${i + 1}`, owner: 'Kepala sekolah', dueDate }));
}

export function submitRtl(schoolId: string, actor: Actor = clusterActors.trainer, actions = rtlActions(), now = wib(RTL_DAY)) {
  return clusterCommand('SubmitRtl', actor, { schoolId, actions }, now);
}

export function approveRtl(schoolId: string, actor: Actor = clusterActors.supervisor, now = wib(RTL_DAY, '14:00')) {
  return clusterCommand('DecideRtl', actor, { schoolId, decision: 'approve' }, now);
}

export function runCluster(commands: readonly ClusterCommand[], from?: ClusterState) {
  return runDecider(clusterDecider, commands, from);
}

const K01_SCHOOLS = [0, 1, 2, 3].map((p) => clusterSchool(p));

/** K01 opened, the first `meetings` meetings documented, the RTLs of `submitted` schools submitted and of `approved` approved. */
export function clusterHistory(opts: { meetings?: number; submitted?: string[]; approved?: string[] } = {}): { events: ClusterEvent[]; state: OpenCluster } {
  const meetings = opts.meetings ?? 0;
  const approved = opts.approved ?? [];
  const submitted = [...new Set([...(opts.submitted ?? []), ...approved])];
  const commands: ClusterCommand[] = [
    openClusterCommand(),
    ...Array.from({ length: meetings }, (_, i) => documentMeeting(i + 1)),
    ...submitted.map((s) => submitRtl(s)),
    ...approved.map((s) => approveRtl(s)),
  ];
  return runCluster(commands) as { events: ClusterEvent[]; state: OpenCluster };
}

/** Every meeting documented and every RTL approved: the cluster is complete. */
export const completedCluster = () => clusterHistory({ meetings: 4, approved: K01_SCHOOLS });
export const K01_SCHOOL_IDS: readonly string[] = K01_SCHOOLS;
