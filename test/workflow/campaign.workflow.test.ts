// The seed's mentoring campaign (15 clusters × 4 schools, 4 meetings each, 1 Sep – 30 Nov 2027) in
// the time-skipping server, with the worker's real activities against PostgreSQL: reminders before
// every meeting, one cluster late and escalated, an RTL program for every school, the campaign
// closes. Expected reminder instants come from the test's own working-day arithmetic.
import type { Actor, ClusterCommand } from '@mutu/domain';
import { clusterStreamId, rtlProgramId } from '@mutu/domain';
import { CampaignProjector, diffReadModels, EventStore, snapshotReadModels } from '@mutu/persistence';
import { executeUpdateOnAcceptingRun } from '@mutu/temporal';
import {
  campaignProgressQuery,
  campaignWorkflowId,
  clusterCommandUpdate,
  clusterProgressQuery,
  clusterStateQuery,
  clusterWorkflowId,
  mentoringCampaignWorkflow,
  programWorkflowId,
  stateQuery,
} from '@mutu/workflows';
import { plannedDate, seedCampaignSetup } from '@mutu/domain/testing';
import { startProgramHarness, uniqueId, type ProgramHarness } from './program-harness';
import { localDate, localTime, wib, workdays } from './wib-calendar';
import { signedArgs, signedCampaignInput } from '../support/command-signing';

// No national holiday falls in Sep–Nov 2027; weekends do (see wib-calendar.ts).
const localMinute = (iso: string) => `${localDate(iso)}T${localTime(iso)}`;

const CLUSTERS = 15;
const LATE_CLUSTER = 7; // K08: meeting 3 documented only after both escalations
const LATE_MEETING = 3;

describe('a mentoring campaign over its whole period (time-skipping Temporal + PostgreSQL)', () => {
  let h: ProgramHarness;
  const prefix = uniqueId('cmp');
  const region = `${prefix}-reg`;
  const id = (name: string) => `${prefix}-${name}`;
  const people = {
    organiser: id('lpmp'),
    district: id('dinas'),
    trainer: (i: number) => id(`wi-${i}`),
    supervisor: (i: number) => id(`pengawas-${i}`),
    agencyStaff: (i: number) => id(`fpmp-${i}`),
    principal: (schoolId: string) => `${schoolId}-kepsek`,
  };
  const setup = seedCampaignSetup(prefix, region, people, CLUSTERS);
  const person = (userId: string, roles: Actor['roles'], scope: Partial<Pick<Actor, 'schoolIds' | 'regionIds'>> = {}): Actor => ({
    userId, roles, schoolIds: scope.schoolIds ?? [], regionIds: scope.regionIds ?? [],
  });
  const organiser = person(people.organiser, ['district_officer'], { regionIds: [region] });
  const lateDue = workdays(plannedDate(LATE_CLUSTER, LATE_MEETING), 5);
  const midRun: { campaign?: unknown; cluster?: unknown } = {};
  let closing: Awaited<ReturnType<typeof runCampaign>>;

  beforeAll(async () => {
    h = await startProgramHarness();
    const users: [string, string[], string[], string[]][] = [
      [people.organiser, ['district_officer'], [], [region]],
      [people.district, ['district_officer'], [], [region]],
      ...setup.clusters.flatMap((c, i): [string, string[], string[], string[]][] => [
        [people.trainer(i), ['district_officer'], [], []],
        [people.agencyStaff(i), ['district_officer'], [], []],
        [people.supervisor(i), ['supervisor'], [], []],
        [people.principal(c.schools[0].schoolId), ['principal'], [c.schools[0].schoolId], []],
      ]),
    ];
    for (const [userId, roles, schoolIds, regionIds] of users) {
      await h.dataSource.query(
        `INSERT INTO users (user_id, email, name, password_hash, roles, school_ids, region_ids, locale) VALUES ($1, $2, $1, 'x', $3, $4, $5, 'id')`,
        [userId, `${userId}@test.mutu.id`, roles, schoolIds, regionIds],
      );
    }
    closing = await runCampaign();
  }, 900_000);

  afterAll(async () => {
    await h?.stop();
  });

  async function runCampaign() {
    const env = h.env;
    const nowIso = async () => new Date(await env.currentTimeMs()).toISOString();
    const advanceTo = async (iso: string) => {
      const now = await env.currentTimeMs();
      if (Date.parse(iso) > now) await env.sleep(Date.parse(iso) - now);
    };
    let n = 0;
    const send = async <T extends ClusterCommand['type']>(cluster: string, type: T, by: Actor, payload: Extract<ClusterCommand, { type: T }>['payload']) => {
      const command = { commandId: `${prefix}:c${++n}`, type, actor: by, now: await nowIso(), payload } as ClusterCommand;
      const handle = h.client.workflow.getHandle(clusterWorkflowId(setup.campaignId, cluster));
      return executeUpdateOnAcceptingRun(handle, clusterCommandUpdate(type), { args: signedArgs(command as never), updateId: command.commandId });
    };

    return h.withWorker(async () => {
      await advanceTo(wib('2027-08-16', '09:00'));
      const campaign = await h.client.workflow.start(mentoringCampaignWorkflow, {
        taskQueue: h.taskQueue,
        workflowId: campaignWorkflowId(setup.campaignId),
        // Batches of 4 (fewer than 15 direct): the fan-out a large campaign takes, at this size.
        args: [signedCampaignInput({ setup, createdBy: organiser, commandId: `${prefix}:create`, indexPrograms: false, fanOut: { direct: 10, batchSize: 4 } }, await nowIso())],
      });

      // Each meeting is documented on its day by the cluster's trainer, then its host school
      // submits its RTL and the cluster's supervisor approves it. The late cluster documents
      // meeting 3 only after its second escalation (and meeting 4 right after).
      const late = wib(workdays(lateDue, 6), '12:00');
      const actions = setup.clusters.flatMap((c, i) =>
        c.meetings.map((m) => {
          const isLate = i === LATE_CLUSTER && m.number >= LATE_MEETING;
          const at = isLate ? new Date(Date.parse(late) + (m.number - LATE_MEETING) * 3_600_000).toISOString() : wib(m.date, '14:00');
          return { at, cluster: i, meeting: m.number };
        }),
      ).sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.cluster - b.cluster || a.meeting - b.meeting);

      for (const a of actions) {
        await advanceTo(a.at);
        const c = setup.clusters[a.cluster];
        const host = c.schools[a.meeting - 1];
        await send(c.clusterId, 'DocumentMeeting', person(people.trainer(a.cluster), ['district_officer']), {
          number: a.meeting,
          heldOn: c.meetings[a.meeting - 1].date,
          hostSchoolId: host.schoolId,
          materialsCovered: a.meeting === 4 ? ['review-budaya-mutu', 'penyusunan-rtl'] : ['mutu-pembelajaran', 'mutu-mbs'],
          attendance: [{ name: 'Kepala sekolah', schoolId: host.schoolId }, { name: 'Guru kelas 4', schoolId: host.schoolId }],
          minutes: `Berita acara pendampingan ${a.meeting} di ${host.name}.`,
          photos: [],
        });
        await send(c.clusterId, 'SubmitRtl', person(people.principal(host.schoolId), ['principal'], { schoolIds: [host.schoolId] }), {
          schoolId: host.schoolId,
          actions: [
            { id: 'rtl-1', action: 'Menerapkan pembelajaran berdiferensiasi di kelas 4–6', owner: 'Wakil kepala sekolah', dueDate: '2027-12-10' },
            { id: 'rtl-2', action: 'Membentuk klub literasi', owner: 'Guru kelas 4', dueDate: '2027-12-17' },
          ],
        });
        await send(c.clusterId, 'DecideRtl', person(people.supervisor(a.cluster), ['supervisor']), { schoolId: host.schoolId, decision: 'approve' });
        if (a.cluster === 0 && a.meeting === 2) {
          midRun.campaign = await campaign.query(campaignProgressQuery);
          midRun.cluster = await h.client.workflow.getHandle(clusterWorkflowId(setup.campaignId, c.clusterId)).query(clusterProgressQuery);
        }
      }
      return campaign.result();
    });
  }

  const clusterEvents = (i: number) => h.store.readStream(clusterStreamId(setup.campaignId, setup.clusters[i].clusterId));

  it('closes the campaign once every cluster has documented its meetings and approved every RTL', async () => {
    expect(closing).toEqual({ status: 'closed', clusters: 15, clustersCompleted: 15 });
    const campaignEvents = await h.store.readStream(`campaign-${setup.campaignId}`);
    expect(campaignEvents.map((e) => e.type)).toEqual(['CampaignCreated', ...Array(15).fill('CampaignClusterCompleted'), 'CampaignClosed']);
    const [row] = await h.dataSource.query('SELECT status, clusters_completed, school_count FROM campaigns WHERE campaign_id = $1', [setup.campaignId]);
    expect(row).toEqual({ status: 'closed', clusters_completed: 15, school_count: 60 });
  });

  it('answers progress queries at campaign and cluster level while running', () => {
    expect(midRun.campaign).toEqual({ status: 'open', clusters: 15, clustersCompleted: 0 });
    expect(midRun.cluster).toEqual({ status: 'open', meetings: 4, meetingsDocumented: 2, schools: 4, rtlApproved: 2, rtlProgramsOpened: expect.any(Number) });
  });

  it('holds and documents all 60 meetings, in order, at their host schools', async () => {
    for (let i = 0; i < CLUSTERS; i++) {
      const documented = (await clusterEvents(i)).filter((e) => e.type === 'MeetingDocumented');
      expect(documented.map((e) => e.data.number)).toEqual([1, 2, 3, 4]);
      documented.forEach((e, k) => expect((e.data.documentation as { hostSchoolId: string }).hostSchoolId).toBe(setup.clusters[i].schools[k].schoolId));
    }
  });

  it('reminds the team 5, 2 and 1 working days before every meeting at 08:00 local, and never after it was documented', async () => {
    for (let i = 0; i < CLUSTERS; i++) {
      const events = await clusterEvents(i);
      for (const m of setup.clusters[i].meetings) {
        const reminders = events.filter((e) => e.type === 'MeetingReminderIssued' && e.data.number === m.number);
        expect(reminders.map((e) => [e.data.offsetWorkingDays, localMinute(e.occurredAt)])).toEqual(
          [5, 2, 1].map((off) => [off, `${workdays(m.date, -off)}T08:00`]),
        );
        const documentedAt = events.find((e) => e.type === 'MeetingDocumented' && e.data.number === m.number)!.occurredAt;
        for (const r of reminders) expect(Date.parse(r.occurredAt)).toBeLessThan(Date.parse(documentedAt));
      }
    }
    // Every reminder reached the four team members' outboxes, once.
    const [{ n }] = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM notification_outbox WHERE program_id LIKE $1 AND kind LIKE 'meeting-%:reminder:%'`,
      [`cluster-${setup.campaignId}.%`],
    );
    expect(n).toBe(CLUSTERS * 4 * 3 * 4);
  });

  it('escalates the late cluster in order — overdue, organisers, education office — and only that one', async () => {
    const late = (await clusterEvents(LATE_CLUSTER)).filter((e) => ['MeetingOverdue', 'MeetingEscalated'].includes(e.type));
    expect(late.map((e) => [e.type, e.data.number, e.data.level ?? null, e.data.to ?? null, localMinute(e.occurredAt)])).toEqual([
      ['MeetingOverdue', 3, null, null, `${workdays(lateDue, 1)}T08:00`],
      ['MeetingEscalated', 3, 1, 'organiser', `${workdays(lateDue, 3)}T08:00`],
      ['MeetingEscalated', 3, 2, 'district_office', `${workdays(lateDue, 6)}T08:00`],
    ]);
    const documented = (await clusterEvents(LATE_CLUSTER)).find((e) => e.type === 'MeetingDocumented' && e.data.number === 3)!;
    expect(documented.data.late).toBe(true);
    for (let i = 0; i < CLUSTERS; i++) {
      if (i === LATE_CLUSTER) continue;
      expect((await clusterEvents(i)).filter((e) => e.type === 'MeetingOverdue' || e.type === 'MeetingEscalated')).toEqual([]);
    }
    const rows: { kind: string; recipient_user_id: string }[] = await h.dataSource.query(
      `SELECT kind, recipient_user_id FROM notification_outbox WHERE program_id = $1 AND kind LIKE '%escalation%' ORDER BY kind, recipient_user_id`,
      [clusterStreamId(setup.campaignId, setup.clusters[LATE_CLUSTER].clusterId)],
    );
    expect(rows).toEqual([
      { kind: 'meeting-3:escalation:1', recipient_user_id: people.organiser },
      { kind: 'meeting-3:escalation:2', recipient_user_id: people.district },
      { kind: 'meeting-3:escalation:2', recipient_user_id: people.organiser },
    ]);
  });

  it('leaves every school with its RTL as a regular program in PLAN, whose activities are the RTL actions', async () => {
    const schools = setup.clusters.flatMap((c) => c.schools);
    expect(schools).toHaveLength(60);
    for (const s of schools) {
      const { state } = await h.client.workflow.getHandle(programWorkflowId(rtlProgramId(setup.campaignId, s.schoolId))).query(stateQuery);
      expect(state).toMatchObject({ stage: 'plan', schoolId: s.schoolId, regionId: region, budgetYear: 2027 });
      expect((state as { plan: { activities: { id: string; window: { end: string } }[] } }).plan.activities.map((a) => [a.id, a.window.end])).toEqual([
        ['rtl-1', '2027-12-10'],
        ['rtl-2', '2027-12-17'],
      ]);
    }
  });

  it('keeps the cluster read model equal to the workflow state', async () => {
    for (let i = 0; i < CLUSTERS; i++) {
      const { state } = await h.client.workflow.getHandle(clusterWorkflowId(setup.campaignId, setup.clusters[i].clusterId)).query(clusterStateQuery);
      const [row] = await h.dataSource.query('SELECT state FROM campaign_clusters WHERE campaign_id = $1 AND cluster_id = $2', [setup.campaignId, setup.clusters[i].clusterId]);
      expect(row.state).toEqual(state);
    }
  });

  it('rebuilds the campaign read models from the events to exactly the live rows', async () => {
    const live = await snapshotReadModels(h.dataSource);
    await new EventStore(h.dataSource, [new CampaignProjector()]).rebuildProjections();
    const rebuilt = await snapshotReadModels(h.dataSource);
    expect(rebuilt.campaign_clusters.filter((r) => String(r.key).startsWith(setup.campaignId))).toHaveLength(CLUSTERS);
    expect(diffReadModels(live, rebuilt)).toEqual([]);
  });
});
