// libs/temporal names the workflows without importing them (a lib sits below the workflows):
// its names, ids and the campaign's start input must stay the workflows' own.
import { CAMPAIGN_WORKFLOW, campaignWorkflowIdOf, PROGRAM_WORKFLOW, type CampaignStart } from '@mutu/temporal';
import { CAMPAIGN_WORKFLOW_TYPE, campaignWorkflowId, PROGRAM_WORKFLOW_TYPE, type CampaignWorkflowInput } from '@mutu/workflows';

// Checked by `npm run typecheck`, not at run time: what the launcher sends is a CampaignWorkflowInput.
const _launcherInputIsWorkflowInput = (start: CampaignStart): CampaignWorkflowInput => start;

describe('workflow names in libs/temporal', () => {
  it('are the names the workflows are registered under', () => {
    expect(PROGRAM_WORKFLOW).toBe(PROGRAM_WORKFLOW_TYPE);
    expect(CAMPAIGN_WORKFLOW).toBe(CAMPAIGN_WORKFLOW_TYPE);
  });

  it('derive the campaign workflow id as the workflows do', () => {
    for (const id of ['c1', 'kkg-2026-bandung', 'x-y_z']) expect(campaignWorkflowIdOf(id)).toBe(campaignWorkflowId(id));
  });
});
