// Approval policy as governance data, signatures bound to the report version and hash that were
// read, and admin actions as events of an audited, hash-chained stream.
import type { DataSource } from 'typeorm';
import { startTestStack, type TestStack } from '../support/stack';
import { EMAIL, PNG_BYTES, REPORT_SECTIONS, SCHOOL, advance, createProgram, eventCount, evidenceForm, http, loginAll, openDb, plan } from './api-helpers';

const n = Date.now().toString(36);
const REGION = `reg-gov-${n}`;
const GOV_SCHOOL = `sch-gov-${n}`;
const PASSWORD = 'governance-password-1';
const policy = (quorum: number, rejection: 'any' | 'majority' = 'any', planRole = 'supervisor') => ({
  plan: { role: planRole, approvals: 1 },
  documentation: { role: 'supervisor', approvals: 1 },
  report: { role: 'committee', quorum, rejection },
});

describe('Governance: approval policies, signatures bound to what was read, admin actions as events', () => {
  let stack: TestStack;
  let db: DataSource;
  let t: Record<keyof typeof EMAIL, string>;
  let govPrincipal: string;

  const streamVersion = async (streamId: string) =>
    Number((await db.query('SELECT coalesce(max(version), 0) AS v FROM events WHERE stream_id = $1', [streamId]))[0].v);
  const setPolicy = (token: string, body: Record<string, unknown>) => http(stack, token, 'PUT', '/policies', { regionId: REGION, reason: 'SK Kepala Dinas 12/2026', ...body });
  const user = (id: string, roles: string[], scope: { schoolIds?: string[]; regionIds?: string[] }) =>
    http(stack, t.admin, 'POST', '/admin/users', { userId: `u-${id}-${n}`, email: `${id}-${n}@gov.mutu.id`, name: `Gov ${id}`, password: PASSWORD, roles, ...scope });

  beforeAll(async () => {
    stack = await startTestStack();
    db = await openDb();
    t = await loginAll(stack);
    // A region of its own, so the policies set here govern no other suite's programs.
    expect((await http(stack, t.admin, 'POST', '/admin/regions', { regionId: REGION, name: 'Governance' })).status).toBe(201);
    expect((await http(stack, t.admin, 'POST', '/admin/schools', { schoolId: GOV_SCHOOL, regionId: REGION, name: 'SD Governance' })).status).toBe(201);
    for (const i of [1, 2, 3]) expect((await user(`komite${i}`, ['committee'], { schoolIds: [GOV_SCHOOL] })).status).toBe(201);
    expect((await user('pengawas', ['supervisor'], { regionIds: [REGION] })).status).toBe(201);
    expect((await user('kepsek', ['principal'], { schoolIds: [GOV_SCHOOL] })).status).toBe(201);
    const login = await http(stack, undefined, 'POST', '/auth/login', { email: `kepsek-${n}@gov.mutu.id`, password: PASSWORD });
    govPrincipal = login.body.accessToken;
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  it('refuses an approval policy sent by the program author with 400 at the field, creating nothing', async () => {
    const before = await eventCount(db);
    const res = await http(stack, t.principal, 'POST', '/programs', {
      schoolId: SCHOOL, budgetYear: 2026, title: 'Satu tanda tangan', plan: plan(),
      approvalPolicy: { plan: { role: 'supervisor', approvals: 1 }, documentation: { role: 'supervisor', approvals: 1 }, report: { role: 'committee', quorum: 1 } },
    });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([expect.objectContaining({ path: 'approvalPolicy' })]);
    expect(await eventCount(db)).toBe(before);
  });

  it('validates a policy when set: roles that can act, members for the quorum, the written rule, who may set it', async () => {
    const stream = `policy-${REGION}`;
    const before = await streamVersion(stream);
    const staffPlan = await setPolicy(t.admin, { policy: policy(2, 'any', 'staff') });
    expect([staffPlan.status, staffPlan.body.code]).toEqual([422, 'POLICY_ROLE_CANNOT_ACT']);
    expect(staffPlan.body.issues).toEqual([expect.objectContaining({ path: 'policy.plan.role' })]);
    const four = await setPolicy(t.admin, { schoolId: GOV_SCHOOL, policy: policy(4) });
    expect([four.status, four.body.code]).toEqual([422, 'QUORUM_EXCEEDS_COMMITTEE']);
    expect(four.body.details).toMatchObject({ needed: 4, schools: [{ schoolId: GOV_SCHOOL, members: 3 }] });
    // Under 'majority' a quorum of 3 needs a fourth member, so a split vote still ends somewhere.
    const majority = await setPolicy(t.admin, { schoolId: GOV_SCHOOL, policy: policy(3, 'majority') });
    expect([majority.status, majority.body.code]).toEqual([422, 'QUORUM_EXCEEDS_COMMITTEE']);
    const noRule = await setPolicy(t.admin, { policy: { ...policy(2), report: { role: 'committee', quorum: 2 } } });
    expect(noRule.status).toBe(400);
    expect(noRule.body.issues).toEqual([expect.objectContaining({ path: 'policy.report.rejection' })]);
    expect((await setPolicy(t.principal, { policy: policy(2) })).status).toBe(403);
    // A district officer of another region does not see this one.
    expect((await setPolicy(t.district, { policy: policy(2) })).status).toBe(404);
    expect(await streamVersion(stream)).toBe(before);
  });

  it('versions policies; a program records the one in force at creation (school over region) and keeps it', async () => {
    const region = await setPolicy(t.admin, { policy: policy(3, 'any') });
    expect(region.status).toBe(200);
    const school = await setPolicy(t.admin, { schoolId: GOV_SCHOOL, policy: policy(2, 'majority') });
    expect(school.status).toBe(200);
    expect(school.body.version).toBe(region.body.version + 1);

    const created = await http(stack, govPrincipal, 'POST', '/programs', { schoolId: GOV_SCHOOL, budgetYear: 2026, title: 'Literasi', plan: plan() });
    expect(created.status).toBe(201);
    expect(created.body.state.approvalPolicy).toEqual(policy(2, 'majority'));
    expect(created.body.state.approvalPolicyRef).toEqual({ scope: 'school', regionId: REGION, schoolId: GOV_SCHOOL, version: school.body.version });
    const [stored] = await db.query("SELECT data FROM events WHERE stream_id = $1 AND type = 'ProgramCreated'", [`program-${created.body.programId}`]);
    expect(stored.data.approvalPolicyRef.version).toBe(school.body.version);

    const changed = await setPolicy(t.admin, { schoolId: GOV_SCHOOL, policy: policy(3, 'any') });
    expect(changed.status).toBe(200);
    const again = await http(stack, govPrincipal, 'GET', `/programs/${created.body.programId}`);
    expect(again.body.state.approvalPolicy).toEqual(policy(2, 'majority'));
    const listed = await http(stack, t.district, 'GET', `/policies?regionId=${REGION}`);
    expect(listed.status).toBe(404);
    const byAdmin = await http(stack, t.admin, 'GET', `/policies?regionId=${REGION}`);
    expect(byAdmin.body.regions[0].versions.map((v: { version: number }) => v.version)).toEqual([region.body.version, school.body.version, changed.body.version]);
    expect(byAdmin.body.regions[0].schools[0].inForce.ref).toMatchObject({ scope: 'school', version: changed.body.version });
  });

  it('records an admin disabling a user as an event with the actor and the change; the chain verifies; the auditor sees it', async () => {
    const created = await user('guru', ['staff'], { schoolIds: [SCHOOL] });
    expect(created.status).toBe(201);
    const before = await streamVersion('admin');
    const disabled = await http(stack, t.admin, 'PATCH', `/admin/users/u-guru-${n}`, { disabled: true, roles: ['staff', 'qa_team'] });
    expect(disabled.status).toBe(200);
    expect(await streamVersion('admin')).toBe(before + 1);
    const [row] = await db.query("SELECT type, data, metadata FROM events WHERE stream_id = 'admin' AND version = $1", [before + 1]);
    expect(row.type).toBe('UserUpdated');
    expect(row.data).toMatchObject({
      userId: `u-guru-${n}`, by: 'u-admin', role: 'admin',
      changes: { disabled: { from: false, to: true }, roles: { from: ['staff'], to: ['staff', 'qa_team'] } },
      passwordReset: false, regions: ['reg-jaktim'],
    });
    expect(row.metadata).toMatchObject({ actorId: 'u-admin' });
    // A refused change records nothing.
    expect((await http(stack, t.admin, 'PATCH', '/admin/users/u-nobody', { disabled: true })).status).toBe(404);
    expect(await streamVersion('admin')).toBe(before + 1);

    const verified = await http(stack, t.auditor, 'POST', '/audit/governance/verify');
    expect(verified.status).toBe(200);
    expect(verified.body.ok).toBe(true);
    expect(verified.body.streams).toEqual(expect.arrayContaining([expect.objectContaining({ streamId: 'admin', ok: true })]));
    const timeline = await http(stack, t.auditor, 'GET', '/audit/governance?lang=en');
    expect(timeline.status).toBe(200);
    const entry = timeline.body.entries.find((e: { streamId: string; version: number }) => e.streamId === 'admin' && e.version === before + 1);
    expect(entry).toMatchObject({ type: 'UserUpdated', who: { userId: 'u-admin', name: 'Admin Mutu', role: 'admin' } });
    expect(entry.text).toContain(`changed user u-guru-${n}`);
    // The policy changes of a region the auditor is not scoped to stay out of their timeline; an admin sees them.
    expect(timeline.body.entries.some((e: { streamId: string }) => e.streamId === `policy-${REGION}`)).toBe(false);
    const adminView = await http(stack, t.admin, 'GET', '/audit/governance');
    expect(adminView.body.entries.some((e: { streamId: string; type: string }) => e.streamId === `policy-${REGION}` && e.type === 'ApprovalPolicySet')).toBe(true);

  });

  it('binds a signature to the report version and hash read: a stale one is 409 REPORT_CHANGED and records nothing', async () => {
    const id = await createProgram(stack, t.principal);
    const post = (token: string, path: string, body: unknown = {}) => http(stack, token, 'POST', `/programs/${id}${path}`, body);
    const ok = async (p: Promise<{ status: number; body: unknown }>) => {
      const r = await p;
      if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
      return r;
    };
    await advance(stack, t, id, 'execute');
    await ok(post(t.staff, '/activities/act-1/start'));
    await ok(http(stack, t.staff, 'POST', `/programs/${id}/activities/act-1/evidence`, evidenceForm(PNG_BYTES, 'foto.png')));
    await ok(post(t.staff, '/activities/act-1/complete', { actualStart: '2026-03-05', actualEnd: '2026-03-06', realisedCost: 1, outcome: 'Selesai' }));
    await ok(post(t.qa, '/documentation/complete'));
    await ok(post(t.supervisor, '/documentation/decision', { decision: 'approve' }));
    await ok(http(stack, t.qa, 'PUT', `/programs/${id}/report`, { sections: REPORT_SECTIONS }));
    await ok(post(t.principal, '/report/submit'));

    const read = await http<string>(stack, t.committee1, 'GET', `/programs/${id}/report.html`);
    const v1 = Number(read.headers.get('x-report-version'));
    const hash = read.headers.get('x-report-sha256')!;
    expect(read.body).toContain(hash);
    // Returned for revision and submitted again with identical content: same hash, new version.
    await ok(post(t.committee1, '/report/sign', { decision: 'reject', reason: 'Lampiran kurang', reportVersion: v1, reportSha256: hash }));
    const resubmitted = await ok(post(t.principal, '/report/submit'));
    const v2 = (resubmitted.body as { state: { report: { submittedVersion: number; sha256: string } } }).state.report;
    expect(v2.sha256).toBe(hash);
    expect(v2.submittedVersion).toBeGreaterThan(v1);

    const before = await eventCount(db, id);
    const stale = await post(t.committee2, '/report/sign', { decision: 'approve', reportVersion: v1, reportSha256: hash });
    expect([stale.status, stale.body.code]).toEqual([409, 'REPORT_CHANGED']);
    const otherHash = await post(t.committee2, '/report/sign', { decision: 'approve', reportVersion: v2.submittedVersion, reportSha256: 'b'.repeat(64) });
    expect([otherHash.status, otherHash.body.code]).toEqual([409, 'REPORT_CHANGED']);
    const noVersion = await post(t.committee2, '/report/sign', { decision: 'approve', reportSha256: hash });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.issues).toEqual([expect.objectContaining({ path: 'reportVersion' })]);
    expect(await eventCount(db, id)).toBe(before);

    await ok(post(t.committee2, '/report/sign', { decision: 'approve', reportVersion: v2.submittedVersion, reportSha256: hash }));
    const page = await http<string>(stack, t.auditor, 'GET', `/programs/${id}/report.html`);
    expect(page.body).toMatch(/Ibu Ratna Sari<\/td><td>Komite Sekolah<\/td><td>Menyetujui/);
    expect(page.body).toContain(`v${v2.submittedVersion}`);
  });
});
