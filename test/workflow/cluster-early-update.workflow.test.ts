// An Update that reaches a cluster before its opening is applied (the API can see the cluster in
// the read model, written with the append, a moment earlier) is decided after the opening, not
// refused as "not found".
import { decideCampaign, initialCampaignState, type ClusterCommand } from '@mutu/domain';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { seedCampaignSetup } from '@mutu/domain/testing';
import { clusterCommandUpdate, clusterInputOf, clusterStateQuery, clusterWorkflowId, mentoringClusterWorkflow } from '@mutu/workflows';
import { startProgramHarness, uniqueId, type ProgramHarness } from './program-harness';
import { signedArgs } from '../support/command-signing';

describe('a cluster Update sent right after the cluster workflow starts', () => {
  let h: ProgramHarness;

  beforeAll(async () => {
    h = await startProgramHarness();
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('is decided once the cluster is open', async () => {
    const prefix = uniqueId('early');
    const people = { organiser: `${prefix}-lpmp`, district: `${prefix}-dinas`, trainer: () => `${prefix}-wi`, supervisor: () => `${prefix}-pengawas`, agencyStaff: () => `${prefix}-fpmp`, principal: (s: string) => `${s}-kepsek` };
    // Last year's campaign: its first meeting lies in the past, so it can be documented now.
    const year = new Date(await h.env.currentTimeMs()).getUTCFullYear() - 1;
    const setup = seedCampaignSetup(prefix, `${prefix}-reg`, people, 1, 1, year);
    const [cluster] = setup.clusters;
    // The campaign's own first event, as its workflow records it before starting clusters.
    const organiser = { userId: people.organiser, roles: ['admin' as const], schoolIds: [], regionIds: [] };
    const now = new Date(await h.env.currentTimeMs()).toISOString();
    const created = decideCampaign({ commandId: `${prefix}:create`, type: 'CreateCampaign', actor: organiser, now, payload: { setup } }, initialCampaignState());
    await h.store.append({ streamId: `campaign-${setup.campaignId}`, expectedVersion: 0, commandId: `${prefix}:create`, events: created as never, metadata: {}, occurredAt: now });
    await h.withWorker(async () => {
      const command = {
        commandId: `${prefix}:doc`,
        type: 'DocumentMeeting',
        actor: { userId: people.trainer(), roles: ['district_officer'], schoolIds: [], regionIds: [] },
        now: new Date(await h.env.currentTimeMs()).toISOString(),
        payload: { number: 1, heldOn: cluster.meetings[0].date, hostSchoolId: cluster.schools[0].schoolId, materialsCovered: [], attendance: [{ name: 'Guru' }], minutes: 'Berita acara', photos: [] },
      } satisfies ClusterCommand;
      // Update-with-start delivers the Update in the run's very first workflow task.
      const start = new WithStartWorkflowOperation(mentoringClusterWorkflow, {
        taskQueue: h.taskQueue,
        workflowId: clusterWorkflowId(setup.campaignId, cluster.clusterId),
        args: [clusterInputOf(setup, cluster, false)],
        workflowIdConflictPolicy: 'FAIL',
      });
      const outcome = await h.client.workflow.executeUpdateWithStart(clusterCommandUpdate('DocumentMeeting'), { args: signedArgs(command), updateId: command.commandId, startWorkflowOperation: start });
      const handle = await start.workflowHandle();
      expect(outcome.events.map((e) => e.type)).toEqual(['MeetingDocumented']);
      const { state } = await handle.query(clusterStateQuery);
      expect(state).toMatchObject({ status: 'open', meetings: [{ number: 1, status: 'documented' }, { number: 2, status: 'scheduled' }] });
    });
  }, 120_000);
});
