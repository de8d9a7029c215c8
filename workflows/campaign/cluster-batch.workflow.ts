import { getExternalWorkflowHandle, startChild } from '@temporalio/workflow';
import type { CampaignSetup } from '@mutu/domain';
import { clusterCompletedSignal, clusterInputOf, clusterWorkflowId, type ClusterBatchInput } from './campaign.messages';
import { mentoringClusterWorkflow } from './cluster.workflow';

/**
 * Starts a batch of a large campaign's cluster workflows and tells the campaign as each completes.
 * A workflow's pending children are part of its state, which the server rewrites for every child
 * event, so one parent over hundreds of children slows down with their number; batches keep every
 * parent small.
 */
export async function mentoringClusterBatchWorkflow(input: ClusterBatchInput): Promise<void> {
  const campaign = getExternalWorkflowHandle(input.campaignWorkflowId);
  await runClusters(input.setup, input.indexPrograms, (clusterId) => campaign.signal(clusterCompletedSignal, clusterId));
}

/** Starts every cluster of `setup` as a child (in one workflow task), then calls `onCompleted` as each one ends. */
export async function runClusters(setup: CampaignSetup, indexPrograms: boolean | undefined, onCompleted: (clusterId: string) => Promise<void>): Promise<void> {
  const children = await Promise.all(
    setup.clusters.map((cluster) =>
      startChild(mentoringClusterWorkflow, {
        workflowId: clusterWorkflowId(setup.campaignId, cluster.clusterId),
        args: [clusterInputOf(setup, cluster, indexPrograms)],
      }),
    ),
  );
  await Promise.all(
    children.map(async (child, i) => {
      await child.result();
      await onCompleted(setup.clusters[i].clusterId);
    }),
  );
}
