// The lifecycle of one program over HTTP, run against the in-process stack (api-lifecycle.e2e)
// and against the production topology behind its proxy (test/prod).
import { createHash } from 'node:crypto';
import { EMAIL, OTHER_SCHOOL, type HttpResult, type HttpStack, PNG_BYTES, REPORT_SECTIONS, createProgram, evidenceForm, http, loginAll, plan } from './api-helpers';

export interface LifecycleStack extends HttpStack {
  stop(): Promise<void>;
}

/** Registers the lifecycle tests; `start` runs in beforeAll, the stack's stop in afterAll. */
export function describeLifecycle(title: string, start: () => Promise<LifecycleStack>): void {
  describe(title, () => {
    let stack: LifecycleStack;
    let t: Record<keyof typeof EMAIL, string>;
    let programId: string;
    const sha = createHash('sha256').update(PNG_BYTES).digest('hex');

    beforeAll(async () => {
      stack = await start();
      t = await loginAll(stack);
      programId = await createProgram(stack, t.principal);
    });

    afterAll(async () => {
      await stack?.stop();
    });

    const post = (token: string, path: string, body: unknown = {}) => http(stack, token, 'POST', `/programs/${programId}${path}`, body);

    it('plans, approves, assigns, executes with evidence, documents, reports, signs and closes', async () => {
      const edited = await http(stack, t.qa, 'PUT', `/programs/${programId}/plan`, { plan: { ...plan(), indicators: ['85% siswa membaca lancar'] } });
      expect(edited.status).toBe(200);
      expect(edited.body.state.plan.indicators).toEqual(['85% siswa membaca lancar']);

      expect((await post(t.principal, '/plan/submit')).status).toBe(200);
      const inbox = await http(stack, t.supervisor, 'GET', '/me/tasks');
      expect(inbox.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ programId, kind: 'approve_plan' })]));

      const approved = await post(t.supervisor, '/plan/decision', { decision: 'approve', reason: 'Rencana sesuai' });
      expect(approved.status).toBe(200);
      expect(approved.body.stage).toBe('assign');

      expect((await post(t.principal, '/activities/act-1/assignment', { personInCharge: 'u-staff', participants: ['u-qa'] })).status).toBe(200);
      expect((await post(t.principal, '/assignments/confirm')).body.stage).toBe('execute');

      expect((await post(t.staff, '/activities/act-1/start')).status).toBe(200);
      const upload = await http(stack, t.staff, 'POST', `/programs/${programId}/activities/act-1/evidence`, evidenceForm(PNG_BYTES, 'foto-pelatihan.png'));
      expect(upload.status).toBe(201);
      expect(upload.body.state.plan.activities[0].evidence[0]).toMatchObject({ sha256: sha, mimeType: 'image/png', filename: 'foto-pelatihan.png', size: PNG_BYTES.length });

      const done = await post(t.staff, '/activities/act-1/complete', {
        actualStart: '2026-03-05',
        actualEnd: '2026-03-06',
        realisedCost: 7_250_000,
        outcome: 'Dua puluh guru dilatih membaca terbimbing.',
      });
      expect(done.status).toBe(200);
      expect(done.body.stage).toBe('document');

      expect((await post(t.qa, '/documentation/complete')).status).toBe(200);
      expect((await post(t.supervisor, '/documentation/decision', { decision: 'approve' })).body.stage).toBe('report');

      expect((await http(stack, t.qa, 'PUT', `/programs/${programId}/report`, { sections: REPORT_SECTIONS })).status).toBe(200);
      const preview = await http<string>(stack, t.committee1, 'GET', `/programs/${programId}/report.html`);
      expect(preview.status).toBe(200);
      expect(preview.body).toContain('HALAMAN PENGESAHAN');
      expect(preview.body).toContain('Rp 7.250.000');
      expect(preview.body).toContain(sha);
      const previewHash = preview.headers.get('x-report-sha256')!;

      const submitted = await post(t.principal, '/report/submit');
      expect(submitted.status).toBe(200);
      expect(submitted.body.state.report.sha256).toBe(previewHash);

      const read = await http<string>(stack, t.committee1, 'GET', `/programs/${programId}/report.html`);
      const reportVersion = Number(read.headers.get('x-report-version'));
      expect(reportVersion).toBe(submitted.body.state.report.submittedVersion);
      expect(read.headers.get('x-report-sha256')).toBe(previewHash);
      const wrongHash = await post(t.committee1, '/report/sign', { decision: 'approve', reportVersion, reportSha256: 'a'.repeat(64) });
      expect(wrongHash.status).toBe(409);
      expect(wrongHash.body.code).toBe('REPORT_CHANGED');
      expect((await post(t.committee1, '/report/sign', { decision: 'approve', reportVersion, reportSha256: previewHash })).status).toBe(200);
      const second = await post(t.committee2, '/report/sign', { decision: 'approve', reportVersion, reportSha256: previewHash });
      expect(second.status).toBe(200);
      expect(second.body.state.report.signedOffAt).not.toBeNull();

      const pdf = await http<Buffer>(stack, t.auditor, 'GET', `/programs/${programId}/report.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toContain('application/pdf');
      expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.headers.get('x-report-sha256')).toBe(previewHash);

      const closed = await post(t.principal, '/close');
      expect(closed.status).toBe(200);
      expect(closed.body.stage).toBe('closed');
    });

    it('lets readers in scope download the evidence and hides it from others', async () => {
      const byAuditor = await http<Buffer>(stack, t.auditor, 'GET', `/evidence/${sha}`);
      expect(byAuditor.status).toBe(200);
      expect(Buffer.compare(byAuditor.body, PNG_BYTES)).toBe(0);
      expect(byAuditor.headers.get('content-type')).toBe('image/png');
      expect((await http(stack, t.otherPrincipal, 'GET', `/evidence/${sha}`)).status).toBe(404);
      expect((await http(stack, t.auditor, 'GET', `/evidence/${'0'.repeat(64)}`)).status).toBe(404);
    });

    it('lists programs in scope with filters and cursor pagination', async () => {
      const others = [await createProgram(stack, t.principal, undefined, 'Program B'), await createProgram(stack, t.principal, undefined, 'Program C')];
      await createProgram(stack, t.otherPrincipal, OTHER_SCHOOL, 'Program Bandung');
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: HttpResult = await http(stack, t.district, 'GET', `/programs?limit=1&budgetYear=2026${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(1);
        seen.push(...page.body.items.map((i: { programId: string }) => i.programId));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expect.arrayContaining([programId, ...others]));
      expect(new Set(seen).size).toBe(seen.length);
      // Other suites share the database: assert on scope and filters, not on exact lists.
      const bandung = await http(stack, t.otherPrincipal, 'GET', '/programs?limit=100');
      expect(bandung.body.items.map((i: { title: string }) => i.title)).toContain('Program Bandung');
      expect(bandung.body.items.every((i: { schoolId: string }) => i.schoolId === OTHER_SCHOOL)).toBe(true);
      expect(bandung.headers.get('content-type')).toMatch(/^application\/json/);
      expect(bandung.body.nextCursor).toBeNull();
      const [first] = bandung.body.items as Record<string, unknown>[];
      expect(Object.keys(first)).toEqual(['programId', 'schoolId', 'regionId', 'budgetYear', 'title', 'stage', 'version', 'progress', 'nextDueDate', 'overdue', 'updatedAt']);
      expect(first).toMatchObject({ budgetYear: expect.any(Number), version: expect.any(Number), progress: expect.any(Number), overdue: expect.any(Boolean) });
      // Due dates are calendar dates, whatever the server's time zone; update times are UTC instants.
      for (const item of bandung.body.items as { nextDueDate: string | null; updatedAt: string }[]) {
        if (item.nextDueDate !== null) expect(item.nextDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(item.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        expect(new Date(item.updatedAt).toISOString()).toBe(item.updatedAt);
      }
      const closed = await http(stack, t.district, 'GET', '/programs?stage=closed&limit=100');
      expect(closed.body.items.map((i: { programId: string }) => i.programId)).toContain(programId);
      expect(closed.body.items.every((i: { stage: string; regionId: string }) => i.stage === 'closed' && i.regionId === 'reg-jaktim')).toBe(true);
      expect((await http(stack, t.district, 'GET', '/programs?budgetYear=2099')).body).toEqual({ items: [], nextCursor: null });
      expect((await http(stack, t.district, 'GET', '/programs?limit=1000')).status).toBe(400);
    });

    it('serves an OpenAPI 3.1 document generated from the route table', async () => {
      const docs = await http(stack, undefined, 'GET', '/docs');
      expect(docs.status).toBe(200);
      expect(docs.body.openapi).toBe('3.1.0');
      const decision = docs.body.paths['/programs/{id}/plan/decision'].post;
      expect(decision.requestBody.content['application/json'].schema).toMatchObject({
        type: 'object',
        additionalProperties: false,
        required: ['decision'],
        properties: { decision: { enum: ['approve', 'reject'] } },
      });
      expect(docs.body.paths['/programs/{id}/activities/{activityId}/evidence'].post.requestBody.content).toHaveProperty('multipart/form-data');
    });
  });
}
