// libs/temporal names the workflows without importing them (a lib sits below the workflows):
// its names, ids and the campaign's start input must stay the workflows' own.
import { CAMPAIGN_WORKFLOW, campaignWorkflowIdOf, PROGRAM_WORKFLOW, SCHOOL_REPORTING_WORKFLOW, schoolReportingStartOptions, schoolReportingWorkflowIdOf, type CampaignStart } from '@mutu/temporal';
import { CAMPAIGN_WORKFLOW_TYPE, campaignWorkflowId, PROGRAM_WORKFLOW_TYPE, SCHOOL_REPORTING_WORKFLOW_TYPE, schoolReportingWorkflowId, type CampaignWorkflowInput, type schoolReportingWorkflow } from '@mutu/workflows';

// Checked by `npm run typecheck`, not at run time: what the launcher sends is a CampaignWorkflowInput.
const _launcherInputIsWorkflowInput = (start: CampaignStart): CampaignWorkflowInput => start;
// ...and what schoolReportingStartOptions passes is the school reporting workflow's input.
const _reportingStartIsWorkflowInput = (o: ReturnType<typeof schoolReportingStartOptions>): Parameters<typeof schoolReportingWorkflow> => o.args;

describe('workflow names in libs/temporal', () => {
  it('are the names the workflows are registered under', () => {
    expect(PROGRAM_WORKFLOW).toBe(PROGRAM_WORKFLOW_TYPE);
    expect(CAMPAIGN_WORKFLOW).toBe(CAMPAIGN_WORKFLOW_TYPE);
    expect(SCHOOL_REPORTING_WORKFLOW).toBe(SCHOOL_REPORTING_WORKFLOW_TYPE);
  });

  it('derive the campaign workflow id as the workflows do', () => {
    for (const id of ['c1', 'kkg-2026-bandung', 'x-y_z']) expect(campaignWorkflowIdOf(id)).toBe(campaignWorkflowId(id));
  });

  it('derive the school reporting workflow id as the workflows do', () => {
    for (const [school, year] of [['sch-1', 2026], ['sch-sdn-cipinang-01', 2027]] as const) expect(schoolReportingWorkflowIdOf(school, year)).toBe(schoolReportingWorkflowId(school, year));
  });
});
