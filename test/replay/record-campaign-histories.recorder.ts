// Records the histories of a small mentoring campaign run on the time-skipping server: the parent,
// both cluster workflows (one on time, one late, escalated and rescheduled; an RTL rejected once)
// and a school's RTL program started by a cluster. Replayed by histories.replay.test.ts with the
// program histories. Run with `npm run record-histories` (re-records only `campaign-*` files).
import type { Actor, ClusterCommand } from '@mutu/domain';
import { rtlProgramId } from '@mutu/domain';
import { addDays, seedCampaignSetup } from '@mutu/domain/testing';
import { campaignWorkflowId, clusterCommandUpdate, clusterWorkflowId, mentoringCampaignWorkflow, programWorkflowId } from '@mutu/workflows';
import { startProgramHarness, uniqueId, type ProgramHarness } from '../workflow/program-harness';
import { isCampaignHistory, removeHistories, writeHistory } from './history-files';

describe('record campaign histories', () => {
  let h: ProgramHarness;

  beforeAll(async () => {
    h = await startProgramHarness();
    removeHistories(isCampaignHistory);
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('records a two-cluster campaign from import to close', async () => {
    const prefix = uniqueId('rec');
    const person = (userId: string, roles: Actor['roles'], schoolIds: string[] = []): Actor => ({ userId, roles, schoolIds, regionIds: [] });
    const people = {
      organiser: `${prefix}-lpmp`, district: `${prefix}-dinas`, trainer: (i: number) => `${prefix}-wi-${i}`,
      supervisor: (i: number) => `${prefix}-pengawas-${i}`, agencyStaff: (i: number) => `${prefix}-fpmp-${i}`, principal: (s: string) => `${s}-kepsek`,
    };
    const setup = seedCampaignSetup(prefix, `${prefix}-reg`, people, 2, 1);
    const env = h.env;
    const at = async (date: string, time = '14:00') => {
      const target = Date.parse(`${date}T${time}:00+07:00`);
      const now = await env.currentTimeMs();
      if (target > now) await env.sleep(target - now);
      return new Date(await env.currentTimeMs()).toISOString();
    };
    let n = 0;
    const send = async <T extends ClusterCommand['type']>(i: number, type: T, by: Actor, now: string, payload: Extract<ClusterCommand, { type: T }>['payload']) =>
      h.client.workflow.getHandle(clusterWorkflowId(setup.campaignId, setup.clusters[i].clusterId)).executeUpdate(clusterCommandUpdate(type), {
        args: [{ commandId: `${prefix}:c${++n}`, type, actor: by, now, payload } as never],
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
        schoolId: school, actions: [{ id: 'rtl-1', action: 'Klub literasi', owner: 'Guru kelas 4', dueDate: '2027-12-10' }],
      });
      await submit();
      if (rejectFirst) {
        await send(i, 'DecideRtl', person(people.supervisor(i), ['supervisor']), now, { schoolId: school, decision: 'reject', reason: 'Tenggat belum jelas' });
        await submit();
      }
      await send(i, 'DecideRtl', person(people.supervisor(i), ['supervisor']), now, { schoolId: school, decision: 'approve' });
    };

    await h.withWorker(async () => {
      await at('2027-08-16', '09:00');
      const campaign = await h.client.workflow.start(mentoringCampaignWorkflow, {
        taskQueue: h.taskQueue,
        workflowId: campaignWorkflowId(setup.campaignId),
        args: [{ setup, createdBy: { ...person(people.organiser, ['district_officer']), regionIds: [setup.regionId] }, commandId: `${prefix}:create`, indexPrograms: false }],
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
      const workflows = [
        ['campaign-parent', campaignWorkflowId(setup.campaignId)],
        ['campaign-cluster-on-time', clusterWorkflowId(setup.campaignId, 'K01')],
        ['campaign-cluster-late', clusterWorkflowId(setup.campaignId, 'K02')],
        ['campaign-rtl-program', programWorkflowId(rtlProgramId(setup.campaignId, setup.clusters[0].schools[0].schoolId))],
      ];
      for (const [name, workflowId] of workflows) writeHistory(`${name}.run-1`, workflowId, await h.client.workflow.getHandle(workflowId).fetchHistory());
    });
  }, 300_000);
});
