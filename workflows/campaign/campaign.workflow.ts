import { allHandlersFinished, condition, proxyActivities, setHandler, startChild } from '@temporalio/workflow';
import {
  CampaignCommandSchema,
  campaignStreamId,
  decideCampaign,
  evolveCampaign,
  initialCampaignState,
  CAMPAIGN_ACTOR,
  type CampaignState,
} from '@mutu/domain';
import type { CampaignActivities } from './campaign.activities';
import { campaignProgressQuery, campaignStateQuery, clusterInputOf, clusterWorkflowId, type CampaignProgress, type CampaignWorkflowInput } from './campaign.messages';
import { mentoringClusterWorkflow } from './cluster.workflow';
import { createStreamWriter, invalidCommand } from './stream-writer';

const { appendEvents } = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds', nonRetryableErrorTypes: ['STREAM_VERSION_CONFLICT', 'COMMAND_ID_REUSED'] },
});

function progressOf(s: CampaignState): CampaignProgress {
  if (s.status === 'none') return { status: 'none', clusters: 0, clustersCompleted: 0 };
  return { status: s.status, clusters: s.setup.clusters.length, clustersCompleted: s.completedClusters.length };
}

/**
 * A mentoring campaign (pendampingan): records the campaign, starts one child workflow per cluster
 * (all in one workflow task, so a large campaign fans out at once) and closes when the last
 * cluster has completed its meetings and every school's RTL is approved.
 */
export async function mentoringCampaignWorkflow(input: CampaignWorkflowInput & { indexPrograms?: boolean }): Promise<CampaignProgress> {
  const { setup } = input;
  const writer = createStreamWriter({
    streamId: campaignStreamId(setup.campaignId),
    initial: initialCampaignState(),
    decide: decideCampaign,
    evolve: evolveCampaign,
    append: appendEvents,
    parse: (raw) => {
      const parsed = CampaignCommandSchema.safeParse(raw);
      if (!parsed.success) invalidCommand(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return parsed.data;
    },
  });
  setHandler(campaignStateQuery, () => ({ state: writer.state(), version: writer.version() }));
  setHandler(campaignProgressQuery, () => progressOf(writer.state()));

  await writer.handle({ commandId: input.commandId, type: 'CreateCampaign', actor: input.createdBy, now: new Date().toISOString(), payload: { setup } });

  const children = await Promise.all(
    setup.clusters.map((cluster) =>
      startChild(mentoringClusterWorkflow, {
        workflowId: clusterWorkflowId(setup.campaignId, cluster.clusterId),
        args: [clusterInputOf(setup, cluster, input.indexPrograms)],
      }),
    ),
  );
  await Promise.all(
    children.map(async (child, i) => {
      await child.result();
      const clusterId = setup.clusters[i].clusterId;
      await writer.handle({ commandId: `campaign-cluster-completed:${setup.campaignId}:${clusterId}`, type: 'RecordClusterCompleted', actor: CAMPAIGN_ACTOR, now: new Date().toISOString(), payload: { clusterId } });
    }),
  );
  await condition(allHandlersFinished);
  return progressOf(writer.state());
}
