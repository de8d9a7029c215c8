// The campaign routes over HTTP against the real stack: dashboard and cluster reads, a meeting
// documented with a photo, refusals that change nothing, idempotent repeats, an RTL approved into
// the school's own program, and scope.
import type { DataSource } from 'typeorm';
import { startTestStack, type TestStack } from '../support/stack';
import { EMAIL, PNG_BYTES, evidenceForm, http, loginAll, openDb } from './api-helpers';
import { JAKTIM, daysFromToday, launchTestCampaign, twoSchoolCampaign } from './campaign-helpers';

describe('mentoring campaign API (HTTP → Temporal dev server → PostgreSQL)', () => {
  let stack: TestStack;
  let db: DataSource;
  let t: Record<keyof typeof EMAIL, string>;
  const campaignId = `e2e-cmp-${Date.now().toString(36)}`;
  const cluster = `/campaigns/${campaignId}/clusters/K01`;
  const streamId = `cluster-${campaignId}.K01`;
  const clusterEvents = async () => Number((await db.query('SELECT count(*) AS n FROM events WHERE stream_id = $1', [streamId]))[0].n);
  const documentation = (photos: unknown[] = []) => ({
    heldOn: daysFromToday(-2),
    hostSchoolId: JAKTIM.core.schoolId,
    materialsCovered: ['mutu-pembelajaran', 'best-practices'],
    attendance: [{ name: 'Ibu Siti Rahmawati', function: 'Kepala sekolah' }, { name: 'Bapak Agus Santoso', function: 'TPMPS' }],
    minutes: 'Pendampingan 1: penguatan mutu pembelajaran dan praktik baik.',
    photos,
  });

  beforeAll(async () => {
    stack = await startTestStack();
    db = await openDb();
    t = await loginAll(stack);
    const setup = twoSchoolCampaign(campaignId, JAKTIM, 'u-district', [
      { userId: 'u-district', name: 'Bapak Joko Prasetyo', role: 'trainer' },
      { userId: 'u-supervisor', name: 'Bapak Bambang Sutrisno', role: 'supervisor' },
      { userId: 'u-principal', name: 'Ibu Siti Rahmawati', role: 'principal' },
    ]);
    await launchTestCampaign(stack, db, setup, { userId: 'u-district', roles: ['district_officer'], schoolIds: [], regionIds: ['reg-jaktim'] });
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  it('shows the dashboard: meeting 1 due, meeting 2 scheduled, nothing covered yet', async () => {
    const r = await http(stack, t.district, 'GET', `/campaigns/${campaignId}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ campaignId, myRole: 'organiser', clusterCount: 1, schoolCount: 2, meetingsDone: 0, meetingsTotal: 2 });
    expect(r.body.clusters[0].meetings.map((m: { status: string; hostSchoolName: string }) => [m.status, m.hostSchoolName])).toEqual([
      ['due', JAKTIM.core.name],
      ['scheduled', JAKTIM.impact.name],
    ]);
    expect(r.body.materials.every((m: { meetings: number }) => m.meetings === 0)).toBe(true);
    const list = await http(stack, t.principal, 'GET', '/campaigns');
    expect(list.body.items.map((c: { campaignId: string }) => c.campaignId)).toContain(campaignId);
  });

  it('hides the campaign from callers outside its scope', async () => {
    expect((await http(stack, t.otherPrincipal, 'GET', `/campaigns/${campaignId}`)).status).toBe(404);
    expect((await http(stack, t.otherPrincipal, 'GET', `${cluster}`)).status).toBe(404);
    const list = await http(stack, t.otherPrincipal, 'GET', '/campaigns');
    expect(list.body.items.map((c: { campaignId: string }) => c.campaignId)).not.toContain(campaignId);
  });

  it('refuses a photo that is not an image, and one from outside the team, storing nothing new', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const notImage = await http(stack, t.district, 'POST', `${cluster}/meetings/1/photos`, evidenceForm(pdf, 'berita-acara.pdf'));
    expect([notImage.status, notImage.body.code]).toEqual([415, 'PHOTO_REQUIRED']);
    // A supervisor of the region sees the campaign but is not on this cluster's team.
    const outsider = await http(stack, t.supervisor2, 'POST', `${cluster}/meetings/1/photos`, evidenceForm(PNG_BYTES, 'foto.png'));
    expect([outsider.status, outsider.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });

  it('refuses documentation without attendance, or with unknown fields, and records nothing', async () => {
    const before = await clusterEvents();
    const incomplete = await http(stack, t.district, 'POST', `${cluster}/meetings/1/documentation`, { ...documentation(), attendance: [] });
    expect([incomplete.status, incomplete.body.code]).toEqual([422, 'MEETING_INCOMPLETE']);
    const extra = await http(stack, t.district, 'POST', `${cluster}/meetings/1/documentation`, { ...documentation(), mood: 'ok' });
    expect([extra.status, extra.body.issues]).toEqual([400, [{ path: 'mood', message: 'unknown field' }]]);
    const wrongHost = await http(stack, t.district, 'POST', `${cluster}/meetings/1/documentation`, { ...documentation(), hostSchoolId: JAKTIM.impact.schoolId });
    expect(wrongHost.body.code).toBe('MEETING_WRONG_HOST');
    const outOfOrder = await http(stack, t.district, 'POST', `${cluster}/meetings/2/documentation`, { ...documentation(), hostSchoolId: JAKTIM.impact.schoolId });
    expect(outOfOrder.body.code).toBe('MEETING_OUT_OF_ORDER');
    expect(await clusterEvents()).toBe(before);
  });

  it('documents meeting 1 with a photo once, however often the same request is repeated', async () => {
    const photo = await http(stack, t.district, 'POST', `${cluster}/meetings/1/photos`, evidenceForm(PNG_BYTES, 'foto-pendampingan.png'));
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({ kind: 'photo', mimeType: 'image/png', filename: 'foto-pendampingan.png' });
    const before = await clusterEvents();
    const headers = { 'idempotency-key': `doc-${campaignId}` };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => http(stack, t.district, 'POST', `${cluster}/meetings/1/documentation`, documentation([photo.body]), headers)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body.meetings[0]))).size).toBe(1);
    expect(answers[0].body.meetings[0]).toMatchObject({ status: 'done', attendance: documentation().attendance, photos: [photo.body] });
    expect(await clusterEvents()).toBe(before + 1);
    const served = await http(stack, t.staff, 'GET', `${cluster}/meetings/1/photos/${photo.body.sha256}`);
    expect([served.status, served.headers.get('content-type'), Buffer.compare(served.body, PNG_BYTES)]).toEqual([200, 'image/png', 0]);
    expect((await http(stack, t.staff, 'GET', `${cluster}/meetings/2/photos/${photo.body.sha256}`)).status).toBe(404);
    expect((await http(stack, t.otherPrincipal, 'GET', `${cluster}/meetings/1/photos/${photo.body.sha256}`)).status).toBe(404);
    const dash = await http(stack, t.supervisor, 'GET', `/campaigns/${campaignId}`);
    expect(dash.body.materials.find((m: { id: string }) => m.id === 'best-practices')).toMatchObject({ meetings: 1, clusters: 1 });
    expect(dash.body.clusters[0].meetings[0].status).toBe('done');
  });

  it('turns an approved RTL into a program of the school, in PLAN', async () => {
    const submitted = await http(stack, t.principal, 'POST', `${cluster}/schools/${JAKTIM.core.schoolId}/rtl`, {
      actions: [{ id: 'rtl-1', action: 'Menerapkan asesmen diagnostik di kelas 1–3', owner: 'Ibu Dewi Lestari', dueDate: daysFromToday(20) }],
    });
    expect([submitted.status, submitted.body.rtls[0].status]).toEqual([200, 'submitted']);
    const ownApproval = await http(stack, t.principal, 'POST', `${cluster}/schools/${JAKTIM.core.schoolId}/rtl/decision`, { decision: 'approve' });
    expect(ownApproval.status).toBe(403);
    const approved = await http(stack, t.supervisor, 'POST', `${cluster}/schools/${JAKTIM.core.schoolId}/rtl/decision`, { decision: 'approve' });
    expect(approved.body.rtls[0].status).toBe('approved');
    let programId: string | null = null;
    for (let i = 0; i < 100 && !programId; i++) {
      programId = (await http(stack, t.principal, 'GET', cluster)).body.rtls[0].programId;
      if (!programId) await new Promise((r) => setTimeout(r, 100));
    }
    expect(programId).toBe(`rtl-${campaignId}-${JAKTIM.core.schoolId}`);
    // The child program records its creation as its first act, just after it started.
    let program = await http(stack, t.principal, 'GET', `/programs/${programId}`);
    for (let i = 0; i < 100 && program.status === 404; i++) {
      await new Promise((r) => setTimeout(r, 100));
      program = await http(stack, t.principal, 'GET', `/programs/${programId}`);
    }
    expect(program.status).toBe(200);
    expect(program.body).toMatchObject({ stage: 'plan', schoolId: JAKTIM.core.schoolId });
  });
});
