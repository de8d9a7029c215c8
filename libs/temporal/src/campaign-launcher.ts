import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Actor, CampaignSetup } from '@mutu/domain';
import { CAMPAIGN_WORKFLOW, campaignWorkflowIdOf, type CampaignStart } from './workflow-types';

/** Signs the creation's command envelope (the API's or an operator tool's command signer). */
export type SignCampaignCreation = (command: { commandId: string; type: 'CreateCampaign'; actor: Actor; now: string; payload: { setup: CampaignSetup } }) => object;

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
export async function launchCampaign(client: Client, taskQueue: string, setup: CampaignSetup, createdBy: Actor, sign: SignCampaignCreation): Promise<LaunchedCampaign> {
  const workflowId = campaignWorkflowIdOf(setup.campaignId);
  const commandId = `campaign-create:${setup.campaignId}`;
  const createdAt = new Date().toISOString();
  const envelope = sign({ commandId, type: 'CreateCampaign', actor: createdBy, now: createdAt, payload: { setup } }) as Record<string, unknown>;
  const input: CampaignStart = { setup, createdBy, commandId, createdAt, envelope };
  try {
    await client.workflow.start(CAMPAIGN_WORKFLOW, { taskQueue, workflowId, args: [input] });
    return { campaignId: setup.campaignId, workflowId, alreadyExists: false };
  } catch (e) {
    if (e instanceof WorkflowExecutionAlreadyStartedError) return { campaignId: setup.campaignId, workflowId, alreadyExists: true };
    throw e;
  }
}
