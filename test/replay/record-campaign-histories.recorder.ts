// Records the histories of a small mentoring campaign run on the time-skipping server: the parent,
// both cluster workflows (one on time, one late, escalated and rescheduled; an RTL rejected once),
// a school's RTL program started by a cluster, and the same campaign fanned out through batches.
// Ids are fixed (one prefix per campaign). Run with `npm run record-histories` (re-records only
// `campaign-*` files; see docs/versioning.md).
import type { Actor, ClusterCommand } from '@mutu/domain';
import { rtlProgramId } from '@mutu/domain';
import { addDays, seedCampaignSetup } from '@mutu/domain/testing';
import { campaignWorkflowId, clusterBatchWorkflowId, clusterCommandUpdate, clusterWorkflowId, mentoringCampaignWorkflow, programWorkflowId } from '@mutu/workflows';
import { startProgramHarness, type ProgramHarness } from '../workflow/program-harness';
import { isCampaignHistory, removeHistories, writeHistory } from './history-files';
import { signedArgs, signedCampaignInput } from '../support/command-signing';

describe('record campaign histories', () => {
  let h: ProgramHarness;

  beforeAll(async () => {
    h = await startProgramHarness();
    removeHistories(isCampaignHistory);
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  /** Runs a two-cluster campaign of `year` to its close; returns the ids to record. */
  async function runCampaign(year: number, fanOut?: { direct: number; batchSize: number }) {
    const prefix = `rec-${year}`;
    const person = (userId: string, roles: Actor['roles'], schoolIds: string[] = []): Actor => ({ userId, roles, schoolIds, regionIds: [] });
    const people = {
      organiser: `${prefix}-lpmp`, district: `${prefix}-dinas`, trainer: (i: number) => `${prefix}-wi-${i}`,
      supervisor: (i: number) => `${prefix}-pengawas-${i}`, agencyStaff: (i: number) => `${prefix}-fpmp-${i}`, principal: (s: string) => `${s}-kepsek`,
    };
    const setup = seedCampaignSetup(prefix, `${prefix}-reg`, people, 2, 1, year);
    const env = h.env;
    const at = async (date: string, time = '14:00') => {
      const target = Date.parse(`${date}T${time}:00+07:00`);
      const now = await env.currentTimeMs();
      if (target > now) await env.sleep(target - now);
      // The planned instant, not the clock read after the skip: command times stay reproducible.
      return new Date(Math.max(target, now)).toISOString();
    };
    let n = 0;
    const send = async <T extends ClusterCommand['type']>(i: number, type: T, by: Actor, now: string, payload: Extract<ClusterCommand, { type: T }>['payload']) =>
      h.client.workflow.getHandle(clusterWorkflowId(setup.campaignId, setup.clusters[i].clusterId)).executeUpdate(clusterCommandUpdate(type), {
        args: signedArgs({ commandId: `${prefix}:c${++n}`, type, actor: by, now, payload } as never),
        updateId: `${prefix}:c${n}`,
      });
    const document = (i: number, number: number, now: string, heldOn: string) =>
      send(i, 'DocumentMeeting', person(people.trainer(i), ['district_officer']), now, {
        number, heldOn, hostSchoolId: setup.clusters[i].schools[number - 1].schoolId, materialsCovered: ['mutu-pembelajaran'],
        attendance: [{ name: 'Kepala sekolah' }], minutes: 'Berita acara', photos: [],
      });
    const rtl = async (i: number, number: number, now: string, rejectFirst = false) => {
      const school = setup.clusters[i].schools[number - 1].schoolId;
      const submit = () => send(i, 'SubmitRtl', person(people.principal(school), ['principal'], [school]), now, {
        schoolId: school, actions: [{ id: 'rtl-1', action: 'Klub literasi', owner: 'Guru kelas 4', dueDate: `${year}-12-10` }],
      });
      await submit();
      if (rejectFirst) {
        await send(i, 'DecideRtl', person(people.supervisor(i), ['supervisor']), now, { schoolId: school, decision: 'reject', reason: 'Tenggat belum jelas' });
        await submit();
      }
      await send(i, 'DecideRtl', person(people.supervisor(i), ['supervisor']), now, { schoolId: school, decision: 'approve' });
    };

    await h.withWorker(async () => {
      const createdAt = await at(`${year}-08-16`, '09:00');
      const campaign = await h.client.workflow.start(mentoringCampaignWorkflow, {
        taskQueue: h.taskQueue,
        workflowId: campaignWorkflowId(setup.campaignId),
        args: [signedCampaignInput({ setup, createdBy: { ...person(people.organiser, ['district_officer']), regionIds: [setup.regionId] }, commandId: `${prefix}:create`, indexPrograms: false, ...(fanOut ? { fanOut } : {}) }, createdAt)],
      });
      const [k1, k2] = setup.clusters.map((c) => c.meetings);
      // K01 on time; K02's first meeting documented only after both escalations.
      let now = await at(k1[0].date);
      await document(0, 1, now, k1[0].date);
      await rtl(0, 1, now, true);
      now = await at(addDays(k2[0].date, 1), '10:00');
      await send(1, 'RescheduleMeeting', person(people.organiser, ['district_officer']), now, { number: 2, date: addDays(k2[1].date, 2), reason: 'Sekolah imbas ujian' });
      now = await at(k1[1].date);
      await document(0, 2, now, k1[1].date);
      await rtl(0, 2, now);
      now = await at(addDays(k2[0].date, 17), '12:00');
      await document(1, 1, now, k2[0].date);
      await rtl(1, 1, now);
      await document(1, 2, now, addDays(k2[1].date, 2));
      await rtl(1, 2, now);
      await campaign.result();
    });
    return setup;
  }

  const record = async (name: string, workflowId: string) => writeHistory(`${name}.run-1`, workflowId, await h.client.workflow.getHandle(workflowId).fetchHistory());

  it('records a two-cluster campaign from import to close', async () => {
    const setup = await runCampaign(2027);
    await record('campaign-parent', campaignWorkflowId(setup.campaignId));
    await record('campaign-cluster-on-time', clusterWorkflowId(setup.campaignId, 'K01'));
    await record('campaign-cluster-late', clusterWorkflowId(setup.campaignId, 'K02'));
    await record('campaign-rtl-program', programWorkflowId(rtlProgramId(setup.campaignId, setup.clusters[0].schools[0].schoolId)));
  }, 300_000);

  it('records the same campaign fanned out through batch workflows', async () => {
    const setup = await runCampaign(2028, { direct: 1, batchSize: 1 });
    await record('campaign-parent-batched', campaignWorkflowId(setup.campaignId));
    await record('campaign-batch', clusterBatchWorkflowId(setup.campaignId, 1));
  }, 300_000);
});
