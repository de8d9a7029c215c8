import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Actor, CampaignSetup } from '@mutu/domain';
import { CAMPAIGN_WORKFLOW_TYPE, campaignWorkflowId, type CampaignWorkflowInput } from '@mutu/workflows';

export interface LaunchedCampaign {
  campaignId: string;
  workflowId: string;
  /** true when a campaign with this id was already running or done: nothing new was started. */
  alreadyExists: boolean;
}

/**
 * Starts a mentoring campaign's parent workflow, which records the campaign and starts one child
 * per cluster. The workflow id is derived from the campaign id, so a repeated import is a no-op.
 */
export async function launchCampaign(client: Client, taskQueue: string, setup: CampaignSetup, createdBy: Actor): Promise<LaunchedCampaign> {
  const workflowId = campaignWorkflowId(setup.campaignId);
  const input: CampaignWorkflowInput = { setup, createdBy, commandId: `campaign-create:${setup.campaignId}` };
  try {
    await client.workflow.start(CAMPAIGN_WORKFLOW_TYPE, { taskQueue, workflowId, args: [input] });
    return { campaignId: setup.campaignId, workflowId, alreadyExists: false };
  } catch (e) {
    if (e instanceof WorkflowExecutionAlreadyStartedError) return { campaignId: setup.campaignId, workflowId, alreadyExists: true };
    throw e;
  }
}
