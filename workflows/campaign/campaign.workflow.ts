import { allHandlersFinished, ApplicationFailure, condition, executeChild, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
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
import {
  campaignProgressQuery,
  campaignStateQuery,
  clusterBatchWorkflowId,
  clusterCompletedSignal,
  type CampaignProgress,
  type CampaignWorkflowInput,
} from './campaign.messages';
import { mentoringClusterBatchWorkflow, runClusters } from './cluster-batch.workflow';
import { createStreamWriter, invalidCommand } from './stream-writer';

const { appendEvents } = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds', nonRetryableErrorTypes: ['STREAM_VERSION_CONFLICT', 'COMMAND_ID_REUSED'] },
});

/** Up to `direct` clusters are the campaign's own children; more go through batch workflows. */
export const DEFAULT_FAN_OUT = { direct: 50, batchSize: 50 };

function progressOf(s: CampaignState): CampaignProgress {
  if (s.status === 'none') return { status: 'none', clusters: 0, clustersCompleted: 0 };
  return { status: s.status, clusters: s.setup.clusters.length, clustersCompleted: s.completedClusters.length };
}

/**
 * A mentoring campaign (pendampingan): records the campaign, starts one child workflow per cluster
 * (all in one workflow task; beyond `fanOut.direct` clusters through batch workflows) and
 * closes when the last cluster has completed its meetings and every school's RTL is approved.
 */
export async function mentoringCampaignWorkflow(input: CampaignWorkflowInput & { indexPrograms?: boolean }): Promise<CampaignProgress> {
  const { setup } = input;
  const writer = createStreamWriter({
    streamId: campaignStreamId(setup.campaignId),
    initial: initialCampaignState(),
    decide: decideCampaign,
    evolve: evolveCampaign,
    append: appendEvents,
    ready: (s) => s.status !== 'none',
    parse: (raw) => {
      const parsed = CampaignCommandSchema.safeParse(raw);
      if (!parsed.success) invalidCommand(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return parsed.data;
    },
  });
  setHandler(campaignStateQuery, () => ({ state: writer.state(), version: writer.version() }));
  setHandler(campaignProgressQuery, () => progressOf(writer.state()));

  await writer.handle(
    { commandId: input.commandId, type: 'CreateCampaign', actor: input.createdBy, now: input.createdAt ?? new Date().toISOString(), payload: { setup } },
    input.envelope,
  );

  const completed = async (clusterId: string) => {
    await writer.handle({ commandId: `campaign-cluster-completed:${setup.campaignId}:${clusterId}`, type: 'RecordClusterCompleted', actor: CAMPAIGN_ACTOR, now: new Date().toISOString(), payload: { clusterId } });
  };
  const fanOut = input.fanOut ?? DEFAULT_FAN_OUT;
  if (setup.clusters.length <= fanOut.direct) {
    await runClusters(setup, input.indexPrograms, completed);
  } else {
    setHandler(clusterCompletedSignal, async (clusterId) => {
      try {
        await completed(clusterId);
      } catch (e) {
        // A repeated signal: the completion is already recorded.
        if (!(e instanceof ApplicationFailure)) throw e;
      }
    });
    const size = fanOut.batchSize;
    const batches = Array.from({ length: Math.ceil(setup.clusters.length / size) }, (_, k) => setup.clusters.slice(k * size, (k + 1) * size));
    await Promise.all(
      batches.map((clusters, k) =>
        executeChild(mentoringClusterBatchWorkflow, {
          workflowId: clusterBatchWorkflowId(setup.campaignId, k + 1),
          args: [{ campaignWorkflowId: workflowInfo().workflowId, setup: { ...setup, clusters }, ...(input.indexPrograms === undefined ? {} : { indexPrograms: input.indexPrograms }) }],
        }),
      ),
    );
    await condition(() => writer.state().status === 'closed');
  }
  await condition(allHandlersFinished);
  return progressOf(writer.state());
}
