// The campaign itself: created from a validated setup, closed when its last cluster completes (a
// cluster completes when all its meetings are documented and every school's RTL is approved).
import { z } from 'zod';
import { ActorSchema, hasRole } from '../actor';
import { DomainError } from '../errors';
import { IdSchema, IsoInstantSchema } from '../program/program.schemas';
import { CampaignSetupSchema, type CampaignSetup } from './campaign.schemas';

const command = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.object({ commandId: z.string().min(1).max(200), type: z.literal(type), actor: ActorSchema, now: IsoInstantSchema, payload });

export const CampaignCommandSchema = z.discriminatedUnion('type', [
  command('CreateCampaign', z.object({ setup: CampaignSetupSchema })),
  command('RecordClusterCompleted', z.object({ clusterId: IdSchema })),
]);
export type CampaignCommand = z.infer<typeof CampaignCommandSchema>;

export type CampaignEvent =
  | { type: 'CampaignCreated'; v: 1; data: { setup: CampaignSetup; by: string; role: string; at: string } }
  | { type: 'CampaignClusterCompleted'; v: 1; data: { clusterId: string; at: string } }
  | { type: 'CampaignClosed'; v: 1; data: { at: string } };

export type CampaignState =
  | { status: 'none' }
  | { status: 'open' | 'closed'; setup: CampaignSetup; completedClusters: string[]; createdBy: string; createdAt: string; closedAt: string | null };

export const initialCampaignState = (): CampaignState => ({ status: 'none' });

/** Why a setup cannot run, as messages with paths; empty when it can. Shared with the import. */
export function campaignSetupIssues(setup: CampaignSetup): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (setup.period.end < setup.period.start) issues.push({ path: 'period', message: 'ends before it starts' });
  const seenClusters = new Set<string>();
  const seenSchools = new Map<string, string>();
  for (const [i, cl] of setup.clusters.entries()) {
    if (seenClusters.has(cl.clusterId)) issues.push({ path: `clusters.${i}.clusterId`, message: `cluster ${cl.clusterId} appears twice` });
    seenClusters.add(cl.clusterId);
    for (const [j, sc] of cl.schools.entries()) {
      const other = seenSchools.get(sc.schoolId);
      if (other !== undefined) issues.push({ path: `clusters.${i}.schools.${j}`, message: `school ${sc.schoolId} is already in cluster ${other}` });
      seenSchools.set(sc.schoolId, cl.clusterId);
    }
  }
  const materialIds = setup.materials.map((m) => m.id);
  if (new Set(materialIds).size !== materialIds.length) issues.push({ path: 'materials', message: 'material ids must be unique' });
  return issues;
}

export function decideCampaign(c: CampaignCommand, state: CampaignState): CampaignEvent[] {
  if (c.type === 'CreateCampaign') {
    if (state.status !== 'none') throw new DomainError('ALREADY_EXISTS', `Campaign ${c.payload.setup.campaignId} already exists.`);
    const { setup } = c.payload;
    const role = hasRole(c.actor, 'admin') ? 'admin' : hasRole(c.actor, 'district_officer') ? 'district_officer' : undefined;
    if (role === undefined) throw new DomainError('FORBIDDEN_ROLE', 'Only an education office (district officer) or an admin organises a campaign.');
    if (role !== 'admin' && !c.actor.regionIds.includes(setup.regionId)) throw new DomainError('OUT_OF_SCOPE', 'Region not found.');
    const issues = campaignSetupIssues(setup);
    if (issues.length > 0) throw new DomainError('INVALID_CAMPAIGN', 'The campaign setup is not valid.', { issues });
    return [{ type: 'CampaignCreated', v: 1, data: { setup, by: c.actor.userId, role, at: c.now } }];
  }
  if (state.status === 'none') throw new DomainError('NOT_FOUND', 'Campaign not found.');
  if (!hasRole(c.actor, 'system')) throw new DomainError('FORBIDDEN_ROLE', 'Cluster completion is recorded by the campaign workflow.');
  const { clusterId } = c.payload;
  if (!state.setup.clusters.some((cl) => cl.clusterId === clusterId)) throw new DomainError('NOT_FOUND', `Cluster ${clusterId} not found.`);
  if (state.completedClusters.includes(clusterId)) throw new DomainError('ALREADY_EXISTS', `Cluster ${clusterId} already completed.`);
  const events: CampaignEvent[] = [{ type: 'CampaignClusterCompleted', v: 1, data: { clusterId, at: c.now } }];
  if (state.completedClusters.length + 1 === state.setup.clusters.length) events.push({ type: 'CampaignClosed', v: 1, data: { at: c.now } });
  return events;
}

export function evolveCampaign(state: CampaignState, e: CampaignEvent): CampaignState {
  switch (e.type) {
    case 'CampaignCreated':
      return { status: 'open', setup: e.data.setup, completedClusters: [], createdBy: e.data.by, createdAt: e.data.at, closedAt: null };
    case 'CampaignClusterCompleted':
      return state.status === 'none' ? state : { ...state, completedClusters: [...state.completedClusters, e.data.clusterId] };
    case 'CampaignClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed', closedAt: e.data.at };
    default: {
      const never: never = e;
      return never;
    }
  }
}
