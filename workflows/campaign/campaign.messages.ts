import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, CampaignSetup, CampaignState, ClusterCommand, ClusterSetup, ClusterState } from '@mutu/domain';
import type { CommandEnvelope } from '../program/program.activities';

export const CAMPAIGN_WORKFLOW_TYPE = 'mentoringCampaignWorkflow';
export const CLUSTER_WORKFLOW_TYPE = 'mentoringClusterWorkflow';

export function campaignWorkflowId(campaignId: string): string {
  return `campaign-${campaignId}`;
}

export function clusterWorkflowId(campaignId: string, clusterId: string): string {
  return `campaign-${campaignId}-cluster-${clusterId}`;
}

export function clusterBatchWorkflowId(campaignId: string, batch: number): string {
  return `campaign-${campaignId}-batch-${batch}`;
}

/** A batch of a large campaign's clusters, started (and awaited) by one batch workflow. */
export interface ClusterBatchInput {
  campaignWorkflowId: string;
  /** The campaign's setup with only this batch's clusters. */
  setup: CampaignSetup;
  indexPrograms?: boolean;
}

/** Sent by a batch workflow to its campaign when one of its clusters has completed. */
export const clusterCompletedSignal = defineSignal<[clusterId: string]>('clusterCompleted');

export interface CampaignWorkflowInput {
  setup: CampaignSetup;
  /** The organiser who created the campaign (the importing user). */
  createdBy: Actor;
  /** The command id of the creation (import requests are idempotent on it). */
  commandId: string;
  /** When the organiser created it: the creation's `now`, as signed (runs started before had none). */
  createdAt?: string;
  /** The API's signed envelope of the creation command. */
  envelope?: CommandEnvelope;
  /** Direct children up to `direct` clusters, else batch workflows of `batchSize` (tests lower them). */
  fanOut?: { direct: number; batchSize: number };
}

export interface ClusterWorkflowInput {
  campaignId: string;
  campaignTitle: string;
  regionId: string;
  organiserIds: string[];
  timeZone: string;
  period: CampaignSetup['period'];
  materials: CampaignSetup['materials'];
  cluster: ClusterSetup;
}

/** A cluster workflow's start input: the campaign facts every cluster needs, and its own setup. */
export function clusterInputOf(setup: CampaignSetup, cluster: ClusterSetup, indexPrograms?: boolean): ClusterWorkflowInput & { indexPrograms?: boolean } {
  return {
    campaignId: setup.campaignId,
    campaignTitle: setup.title,
    regionId: setup.regionId,
    organiserIds: setup.organiserIds,
    timeZone: setup.timeZone,
    period: setup.period,
    materials: setup.materials,
    cluster,
    ...(indexPrograms === undefined ? {} : { indexPrograms }),
  };
}

/** The result of every accepted cluster command. */
export interface ClusterOutcome {
  version: number;
  events: { type: string; version: number }[];
  duplicate: boolean;
}

export interface CampaignProgress {
  status: CampaignState['status'];
  clusters: number;
  clustersCompleted: number;
}

export interface ClusterProgress {
  status: ClusterState['status'];
  meetingsDocumented: number;
  meetings: number;
  rtlApproved: number;
  rtlProgramsOpened: number;
  schools: number;
}

/** One Update per cluster command type, named after it; all share one handler. The second argument is the API's signed envelope. */
export function clusterCommandUpdate<T extends ClusterCommand['type']>(type: T) {
  return defineUpdate<ClusterOutcome, [Extract<ClusterCommand, { type: T }>, CommandEnvelope?]>(`cluster.${type}`);
}

export const campaignStateQuery = defineQuery<{ state: CampaignState; version: number }>('campaignState');
export const campaignProgressQuery = defineQuery<CampaignProgress>('campaignProgress');
export const clusterStateQuery = defineQuery<{ state: ClusterState; version: number }>('clusterState');
export const clusterProgressQuery = defineQuery<ClusterProgress>('clusterProgress');
