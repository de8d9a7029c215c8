// The names clients start and address workflows by. The workflows define the same names next to
// their messages (workflows/*/*.messages.ts); a library sits below the workflows and never imports
// their code, so the names are repeated here, and test/unit/workflow-types.spec.ts keeps both equal.
import type { Actor, CampaignSetup } from '@mutu/domain';

export const PROGRAM_WORKFLOW = 'programWorkflow';
export const CAMPAIGN_WORKFLOW = 'mentoringCampaignWorkflow';

export function campaignWorkflowIdOf(campaignId: string): string {
  return `campaign-${campaignId}`;
}

/** The start input of the campaign workflow, as the launcher sends it (the workflow's CampaignWorkflowInput accepts it). */
export interface CampaignStart {
  setup: CampaignSetup;
  createdBy: Actor;
  commandId: string;
  createdAt: string;
  envelope: Record<string, unknown>;
}
