// Assigned supervisors (pengawas binaan) over HTTP: the district office assigns them; only they take
// the supervisor's decisions, see the task in their inbox and receive escalations; a school with
// none assigned falls back to every supervisor of its region. Mentors have no program powers.
import { NotificationProjector } from '@mutu/notifications';
import type { StoredEvent } from '@mutu/persistence';
import type { DataSource } from 'typeorm';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { startTestStack, type TestStack } from '../support/stack';
import { OTHER_SCHOOL, SCHOOL, createProgram, eventCount, http, loginAll, openDb, type HttpResult } from './api-helpers';
import { JAKTIM, launchTestCampaign, twoSchoolCampaign } from './campaign-helpers';

const ASSIGNED = ['u-supervisor', 'u-supervisor-2'];

describe('assigned supervisors (pengawas binaan) and the mentor role', () => {
  let stack: TestStack;
  let iso: IsolatedDatabase;
  let db: DataSource;
  let t: Awaited<ReturnType<typeof loginAll>>;

  const ok = (r: HttpResult) => {
    if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };
  const setSupervisors = (token: string, schoolId: string, supervisorIds: unknown) => http(stack, token, 'PUT', `/schools/${schoolId}/supervisors`, { supervisorIds });
  const submitted = async () => {
    const id = await createProgram(stack, t.principal, SCHOOL, `Pengawas binaan ${Date.now()}`);
    ok(await http(stack, t.principal, 'POST', `/programs/${id}/plan/submit`, {}));
    return id;
  };
  const inbox = async (token: string) => ok(await http(stack, token, 'GET', '/me/tasks')).body.items as { programId: string; role: string }[];
  const escalate = async (programId: string, level: number) => {
    // The notification projector as the worker runs it, on an escalation of the plan approval.
    const event = {
      position: '0', streamId: `program-${programId}`, version: 99, type: 'EscalationRaised', v: 1, metadata: {}, commandId: `esc-${level}`,
      data: { stage: 'plan', activityId: null, dueDate: '2026-03-01', level, toRole: 'supervisor' },
      occurredAt: new Date().toISOString(), recordedAt: new Date().toISOString(), prevHash: '', hash: '',
    } as StoredEvent;
    await db.transaction((tx) => new NotificationProjector().apply(tx, event.streamId, [event]));
    const rows: { user_id: string }[] = await db.query(
      'SELECT user_id FROM notifications WHERE program_id = $1 AND kind = $2 ORDER BY user_id',
      [programId, `plan:escalation:${level}`],
    );
    return rows.map((r) => r.user_id);
  };

  beforeAll(async () => {
    // A database of its own: the demo school's assignment is changed and cleared here.
    iso = await isolatedDatabase('mutu_school_supervisors');
    stack = await startTestStack({ DATABASE_URL: iso.url });
    db = await openDb(iso.url);
    t = await loginAll(stack);
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
    await iso?.drop();
  });

  it('lists the region schools with their assigned supervisors and the supervisors to choose from', async () => {
    const body = ok(await http(stack, t.district, 'GET', '/schools/supervisors')).body;
    expect(body.regions.map((r: { regionId: string }) => r.regionId)).toEqual(['reg-jaktim']);
    const region = body.regions[0];
    expect(region.supervisors.map((s: { userId: string }) => s.userId).sort()).toEqual(['u-supervisor', 'u-supervisor-2', 'u-supervisor-3']);
    const school = region.schools.find((s: { schoolId: string }) => s.schoolId === SCHOOL);
    expect(school).toMatchObject({ name: 'SD Negeri Cipinang 01', npsn: '20100001', fallbackToRegion: false });
    expect(school.supervisors.map((s: { userId: string }) => s.userId)).toEqual(ASSIGNED);
    const campaignSchool = region.schools.find((s: { schoolId: string }) => s.schoolId === 'sch-sdn-cakung-barat-01');
    expect(campaignSchool).toMatchObject({ supervisors: [], fallbackToRegion: true });
    // Another region is not the district officer's: 404, like one that does not exist.
    expect((await http(stack, t.district, 'GET', '/schools/supervisors?regionId=reg-bdg')).status).toBe(404);
    expect(ok(await http(stack, t.admin, 'GET', '/schools/supervisors')).body.regions.length).toBeGreaterThanOrEqual(2);
  });

  it('assigns only supervisors of the school region (422), outside the caller regions is 404, and records the change', async () => {
    const before = await eventCount(db);
    const notSupervisor = await setSupervisors(t.district, SCHOOL, ['u-supervisor', 'u-principal']);
    expect([notSupervisor.status, notSupervisor.body.code, notSupervisor.body.issues.map((i: { path: string }) => i.path)]).toEqual([422, 'NOT_A_REGION_SUPERVISOR', ['supervisorIds.1']]);
    const unknown = await setSupervisors(t.district, SCHOOL, ['u-nobody']);
    expect([unknown.status, unknown.body.code]).toEqual([422, 'NOT_A_REGION_SUPERVISOR']);
    expect((await setSupervisors(t.district, OTHER_SCHOOL, [])).status).toBe(404);
    expect((await setSupervisors(t.supervisor, SCHOOL, ['u-supervisor'])).status).toBe(403);
    expect((await setSupervisors(t.district, SCHOOL, 'u-supervisor')).status).toBe(400);
    expect(await eventCount(db)).toBe(before);

    const same = ok(await setSupervisors(t.district, SCHOOL, [...ASSIGNED].reverse())).body;
    expect(same.changed).toBe(false);
    expect(await eventCount(db)).toBe(before);

    const set = ok(await setSupervisors(t.district, SCHOOL, ['u-supervisor'])).body;
    expect(set).toMatchObject({ changed: true, school: { schoolId: SCHOOL, fallbackToRegion: false, supervisors: [{ userId: 'u-supervisor', name: 'Bapak Bambang Sutrisno', active: true }] } });
    const [event] = await db.query(`SELECT data FROM events WHERE stream_id = 'admin' AND type = 'SchoolSupervisorsSet' ORDER BY version DESC LIMIT 1`);
    expect(event.data).toMatchObject({ schoolId: SCHOOL, regionId: 'reg-jaktim', supervisorIds: { from: ASSIGNED, to: ['u-supervisor'] }, by: 'u-district', role: 'district_officer', regions: ['reg-jaktim'] });
    const timeline = ok(await http(stack, t.district, 'GET', '/audit/governance?lang=en')).body;
    expect(JSON.stringify(timeline)).toContain(`set the assigned supervisors of school ${SCHOOL}: u-supervisor`);
  });

  it('takes the supervisor decision only from an assigned supervisor (403 for another of the region), and only they see the task', async () => {
    ok(await setSupervisors(t.district, SCHOOL, ['u-supervisor']));
    const id = await submitted();
    expect((await inbox(t.supervisor)).some((x) => x.programId === id && x.role === 'supervisor')).toBe(true);
    expect((await inbox(t.supervisor3)).some((x) => x.programId === id)).toBe(false);
    expect((await inbox(t.supervisor2)).some((x) => x.programId === id)).toBe(false);

    const before = await eventCount(db, id);
    const refused = await http(stack, t.supervisor3, 'POST', `/programs/${id}/plan/decision`, { decision: 'approve' });
    expect([refused.status, refused.body.code, refused.body.details]).toEqual([403, 'NOT_ASSIGNED_SUPERVISOR', { schoolId: SCHOOL }]);
    const extension = await http(stack, t.supervisor3, 'POST', `/programs/${id}/deadlines/extend`, { stage: 'plan', newDueDate: '2026-12-01', reason: 'Rapat' });
    expect([extension.status, extension.body.code]).toEqual([403, 'NOT_ASSIGNED_SUPERVISOR']);
    expect(await eventCount(db, id)).toBe(before);
    expect(await escalate(id, 1)).toEqual(['u-supervisor']);

    const approved = ok(await http(stack, t.supervisor, 'POST', `/programs/${id}/plan/decision`, { decision: 'approve' })).body;
    expect(approved.stage).toBe('assign');
  });

  it('falls back to every supervisor of the region when none is assigned (or the assigned one was disabled)', async () => {
    ok(await setSupervisors(t.district, SCHOOL, []));
    const listed = ok(await http(stack, t.district, 'GET', '/schools/supervisors')).body.regions[0].schools.find((s: { schoolId: string }) => s.schoolId === SCHOOL);
    expect(listed).toMatchObject({ supervisors: [], fallbackToRegion: true });
    const id = await submitted();
    for (const token of [t.supervisor, t.supervisor2, t.supervisor3]) expect((await inbox(token)).some((x) => x.programId === id)).toBe(true);
    expect(await escalate(id, 1)).toEqual(['u-supervisor', 'u-supervisor-2', 'u-supervisor-3']);
    ok(await http(stack, t.supervisor3, 'POST', `/programs/${id}/plan/decision`, { decision: 'approve' }));

    // An assignment of someone who can no longer act does not count: the school falls back.
    ok(await setSupervisors(t.admin, SCHOOL, ['u-supervisor-3']));
    const second = await submitted();
    expect((await inbox(t.supervisor)).some((x) => x.programId === second)).toBe(false);
    await db.query(`UPDATE users SET disabled = true WHERE user_id = 'u-supervisor-3'`);
    try {
      expect((await inbox(t.supervisor)).some((x) => x.programId === second)).toBe(true);
      expect(await escalate(second, 2)).toEqual(['u-supervisor', 'u-supervisor-2']);
    } finally {
      await db.query(`UPDATE users SET disabled = false WHERE user_id = 'u-supervisor-3'`);
    }
  });

  // Last: the school policy set here asks for two supervisor approvals.
  it('a school policy counts its assigned supervisors: two approvals need two assigned (or none), and the reverse', async () => {
    ok(await setSupervisors(t.district, SCHOOL, ['u-supervisor']));
    const policy = { plan: { role: 'supervisor', approvals: 2 }, documentation: { role: 'supervisor', approvals: 1 }, report: { role: 'committee', quorum: 2, rejection: 'any' } };
    const put = () => http(stack, t.district, 'PUT', '/policies', { regionId: 'reg-jaktim', schoolId: SCHOOL, policy, reason: 'Dua pengawas' });
    const tooFew = await put();
    expect([tooFew.status, tooFew.body.code, tooFew.body.details?.schools]).toEqual([422, 'APPROVALS_EXCEED_APPROVERS', [{ schoolId: SCHOOL, members: 1 }]]);
    ok(await setSupervisors(t.district, SCHOOL, ['u-supervisor', 'u-supervisor-3']));
    ok(await put());
    const fewer = await setSupervisors(t.district, SCHOOL, ['u-supervisor-3']);
    expect([fewer.status, fewer.body.code, fewer.body.details]).toEqual([422, 'APPROVALS_EXCEED_ASSIGNED', { needed: 2, assigned: 1 }]);
    expect(ok(await setSupervisors(t.district, SCHOOL, [])).body.changed).toBe(true);
  });

  it('a mentor has campaign membership only: no programs listed, program routes refused', async () => {
    const id = await createProgram(stack, t.principal, SCHOOL, 'Tidak untuk pendamping');
    const list = ok(await http(stack, t.mentor, 'GET', '/programs')).body;
    expect(list.items).toEqual([]);
    expect((await http(stack, t.mentor, 'GET', `/programs/${id}`)).status).toBe(403);
    expect((await http(stack, t.mentor, 'POST', '/programs', { schoolId: SCHOOL, budgetYear: 2026, title: 'x' })).status).toBe(403);
    expect((await http(stack, t.mentor, 'GET', '/schools/supervisors')).status).toBe(403);
    expect(ok(await http(stack, t.mentor, 'GET', '/me')).body.roles).toEqual(['mentor']);
    // Campaigns by membership only: a campaign of their region they do not serve is not theirs.
    const tag = Date.now().toString(36);
    const organiser = { userId: 'u-district', roles: ['district_officer' as const], schoolIds: [], regionIds: ['reg-jaktim'] };
    const pengawas = { userId: 'u-supervisor', name: 'Pengawas', role: 'supervisor' as const };
    await launchTestCampaign(stack, db, twoSchoolCampaign(`mentor-out-${tag}`, JAKTIM, 'u-district', [pengawas]), organiser);
    await launchTestCampaign(stack, db, twoSchoolCampaign(`mentor-in-${tag}`, JAKTIM, 'u-district', [pengawas, { userId: 'u-widyaiswara-1', name: 'Widyaiswara', role: 'trainer' }]), organiser);
    const ids = async (token: string) => (ok(await http(stack, token, 'GET', '/campaigns')).body.items as { campaignId: string }[]).map((c) => c.campaignId);
    expect(await ids(t.mentor)).toEqual([`mentor-in-${tag}`]);
    expect(await ids(t.district)).toEqual(expect.arrayContaining([`mentor-in-${tag}`, `mentor-out-${tag}`]));
    expect((await http(stack, t.mentor, 'GET', `/campaigns/mentor-out-${tag}`)).status).toBe(404);
    // Escalations meant for the education office do not reach mentors.
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id LIKE 'u-widyaiswara-%' OR user_id LIKE 'u-fpmp-%'`);
    expect(n).toBe(0);
  });
});
