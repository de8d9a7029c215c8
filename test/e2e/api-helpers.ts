// Shared by the api-*.e2e tests: a tiny HTTP client and the program fixtures they walk through.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DEFAULT_DEADLINE_POLICY } from '@mutu/calendar';
import { BOSP_GUIDELINES_63_2023 } from '@mutu/domain';
import { createDataSource, DEMO_PASSWORD } from '@mutu/persistence';
import type { RouteId } from '../../apps/api/src/routes/route-table';
import type { TestStack } from '../support/stack';

/** What the helpers need of a stack: the in-process one, or the production topology behind its proxy. */
export type HttpStack = Pick<TestStack, 'baseUrl' | 'login'>;

export const SCHOOL = 'sch-sdn-cipinang-01';
export const OTHER_SCHOOL = 'sch-sdn-coblong-03';
export const EMAIL = {
  principal: 'kepsek@demo.mutu.id',
  qa: 'tpmps@demo.mutu.id',
  staff: 'guru@demo.mutu.id',
  committee1: 'komite1@demo.mutu.id',
  committee2: 'komite2@demo.mutu.id',
  committee3: 'komite3@demo.mutu.id',
  supervisor: 'pengawas@demo.mutu.id',
  supervisor2: 'pengawas2@demo.mutu.id',
  district: 'dinas@demo.mutu.id',
  auditor: 'auditor@demo.mutu.id',
  admin: 'admin@demo.mutu.id',
  otherPrincipal: 'kepsek.bdg@demo.mutu.id',
  // A supervisor of the demo region not assigned to the demo school; a campaign trainer (mentor).
  supervisor3: 'pengawas3@demo.mutu.id',
  mentor: 'widyaiswara1@demo.mutu.id',
} as const;

// Response bodies are arbitrary JSON the tests drill into; `any` keeps the assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function http<T = any>(
  stack: Pick<HttpStack, 'baseUrl'>,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult<T>> {
  const res = await fetch(`${stack.baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : body instanceof FormData ? body : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  const parsed = type.includes('json') ? await res.json() : type.startsWith('text/') ? await res.text() : Buffer.from(await res.arrayBuffer());
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export function plan(year = 2026) {
  return {
    objectives: ['Meningkatkan kemampuan literasi siswa kelas awal'],
    standard: 'proses',
    indicators: ['80% siswa kelas 2 membaca lancar'],
    activities: [
      {
        id: 'act-1',
        title: 'Pelatihan guru membaca terbimbing',
        kind: 'other',
        window: { start: `${year}-03-02`, end: `${year}-03-20` },
        budget: { line: 'Pengembangan Profesi Guru dan Tenaga Kependidikan', amount: 7_500_000 },
        location: 'Ruang guru',
        requiredEvidence: ['photo'],
      },
    ],
  };
}

export const REPORT_SECTIONS = {
  background: 'Latar belakang literasi.',
  objectives: 'Tujuan program.',
  targets: 'Sasaran program.',
  expectedResults: 'Hasil yang diharapkan.',
  placeAndTime: 'SD Negeri Cipinang 01, Maret 2026.',
  activitiesNarrative: 'Pelatihan berjalan lancar.',
  problemsAndSolutions: 'Tidak ada kendala berarti.',
  conclusions: 'Program berhasil.',
  recommendations: 'Dilanjutkan tahun depan.',
};

/** A minimal valid PNG (1×1). */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export function evidenceForm(bytes: Buffer, filename: string, kind = 'photo'): FormData {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  return form;
}

/** A statutory report submission: the ARKAS export (any accepted file) and the day it went out. */
export function statutorySubmissionForm(bytes: Buffer, filename: string, submittedOn: string): FormData {
  const form = new FormData();
  form.append('submittedOn', submittedOn);
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  return form;
}

/** An example directory sheet of docs/examples/admin as a dry run: it creates nothing. */
export function directoryDryRunForm(name: string): FormData {
  const form = new FormData();
  form.append('dryRun', 'true');
  form.append('file', new Blob([readFileSync(join(__dirname, '../../docs/examples/admin', name))]), name);
  return form;
}

/** The seed campaign sheet as a dry run: valid over the demo data, and it creates nothing. */
export function campaignImportDryRunForm(): FormData {
  const form = new FormData();
  form.append('dryRun', 'true');
  form.append('file', new Blob([readFileSync(join(__dirname, '../../docs/examples/pendampingan-budaya-mutu.csv'))]), 'pendampingan.csv');
  return form;
}

export async function createProgram(stack: Pick<HttpStack, 'baseUrl'>, token: string, school = SCHOOL, title = 'Peningkatan literasi kelas awal'): Promise<string> {
  const res = await http(stack, token, 'POST', '/programs', { schoolId: school, budgetYear: 2026, title, plan: plan() });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.programId as string;
}

/** Drives a program to the given stage over HTTP (plan → assign → execute). */
export async function advance(stack: Pick<HttpStack, 'baseUrl'>, tokens: Record<keyof typeof EMAIL, string>, programId: string, to: 'assign' | 'execute') {
  const ok = (r: HttpResult) => {
    if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };
  ok(await http(stack, tokens.principal, 'POST', `/programs/${programId}/plan/submit`, {}));
  ok(await http(stack, tokens.supervisor, 'POST', `/programs/${programId}/plan/decision`, { decision: 'approve' }));
  if (to === 'assign') return;
  ok(await http(stack, tokens.principal, 'POST', `/programs/${programId}/activities/act-1/assignment`, { personInCharge: 'u-staff', participants: [] }));
  ok(await http(stack, tokens.principal, 'POST', `/programs/${programId}/assignments/confirm`, {}));
}

export async function loginAll(stack: Pick<HttpStack, 'login'>): Promise<Record<keyof typeof EMAIL, string>> {
  const entries = await Promise.all(Object.entries(EMAIL).map(async ([k, email]) => [k, await stack.login(email)] as const));
  return Object.fromEntries(entries) as Record<keyof typeof EMAIL, string>;
}

/** A separate connection for assertions on the tables (event counts, idempotency records). */
export async function openDb(url = process.env.DATABASE_URL!): Promise<DataSource> {
  const ds = createDataSource({ url, poolSize: 2 });
  await ds.initialize();
  return ds;
}

export async function eventCount(ds: DataSource, programId?: string): Promise<number> {
  const rows: { n: string }[] = programId
    ? await ds.query('SELECT count(*) AS n FROM events WHERE stream_id = $1', [`program-${programId}`])
    : await ds.query('SELECT count(*) AS n FROM events');
  return Number(rows[0].n);
}

export interface Target {
  programId: string;
  sha256: string;
  school: string;
  /** A mentoring campaign with one cluster K01 whose core school is `campaignSchool`. */
  campaignId: string;
  campaignSchool: string;
  /** A day off that exists, for the route that removes one. */
  dayOffId?: string;
}

/** The route's path with every parameter filled in from the target. */
export function pathFor(spec: { path: string }, target: Target): string {
  return spec.path
    .replace('/admin/days-off/:id', `/admin/days-off/${target.dayOffId ?? '999999999'}`)
    // A year no other test plans in: the PUT sets that year's BOSP list for the whole (shared) database.
    .replace('/bosp/components/:year', '/bosp/components/2031')
    .replace('/admin/national-days-off/:year', '/admin/national-days-off/2031')
    // A reporting year no other test opens: its workflow starts on this stack's own task queue.
    .replace('/statutory-deadlines/:year', '/statutory-deadlines/2024')
    .replace(':year', '2026')
    .replace(':file', 'init.js')
    .replace(':id', target.programId)
    .replace(':activityId', 'act-1')
    .replace(':expenditureId', 'exp-1')
    .replace(':sha256', target.sha256)
    .replace(':userId', 'u-auditor')
    .replace(':campaignId', target.campaignId)
    .replace(':clusterId', 'K01')
    .replace(':number', '1')
    .replace(':report', 'stage_one')
    .replace(':schoolId', target.campaignSchool);
}

let uniq = 0;
/** A valid body for each route (fresh ids for admin creations), so only the tested aspect fails. */
export function bodyFor(id: RouteId, target: Target): unknown {
  const n = `${Date.now().toString(36)}${uniq++}`;
  const bodies: Partial<Record<RouteId, unknown>> = {
    createProgram: { schoolId: target.school, budgetYear: 2026, title: 'Matrix' },
    editPlan: { plan: plan() },
    submitPlan: {},
    decidePlan: { decision: 'reject', reason: 'matrix' },
    assignActivity: { personInCharge: 'u-staff', participants: [] },
    confirmAssignments: {},
    startActivity: {},
    completeActivity: { actualStart: '2026-03-05', actualEnd: '2026-03-06', realisedCost: 1, outcome: 'ok' },
    dropActivity: { reason: 'matrix' },
    attachEvidence: evidenceForm(PNG_BYTES, 'foto.png'),
    // Past the guard, refused by the decider (422 INVALID_SUBMISSION_DATE): nothing is recorded.
    recordStatutorySubmission: statutorySubmissionForm(PNG_BYTES, 'arkas.png', '2999-01-01'),
    withdrawEvidence: { reason: 'matrix' },
    completeDocumentation: {},
    decideDocumentation: { decision: 'reject', reason: 'matrix' },
    editReport: { sections: REPORT_SECTIONS },
    submitReport: {},
    signReport: { decision: 'approve', reportVersion: 1, reportSha256: 'a'.repeat(64) },
    closeProgram: {},
    requestCancellation: { reason: 'matrix' },
    confirmCancellation: {},
    rejectCancellation: { reason: 'matrix' },
    extendDeadline: { stage: 'execute', newDueDate: '2026-12-01', reason: 'matrix' },
    createRegion: { regionId: `reg-m${n}`, name: 'Matrix' },
    createSchool: { schoolId: `sch-m${n}`, regionId: 'reg-jaktim', name: 'Matrix' },
    createUser: { userId: `u-m${n}`, email: `m${n}@demo.mutu.id`, name: 'Matrix', password: 'matrix-password-1', roles: ['staff'] },
    updateUser: { name: 'Ibu Maya Anggraini' },
    importCampaign: campaignImportDryRunForm(),
    uploadMeetingPhoto: evidenceForm(PNG_BYTES, 'foto-pendampingan.png'),
    documentMeeting: { heldOn: '2026-01-05', hostSchoolId: target.campaignSchool, materialsCovered: [], attendance: [], minutes: '', photos: [] },
    rescheduleMeeting: { date: '2026-01-05', reason: 'matrix' },
    submitRtl: { actions: [{ id: 'rtl-1', action: 'Matrix', owner: 'Matrix', dueDate: '2099-01-01' }] },
    decideRtl: { decision: 'reject', reason: 'matrix' },
    // A staff member can never decide on a plan: refused (422) before anything is recorded.
    setApprovalPolicy: {
      regionId: 'reg-jaktim',
      policy: { plan: { role: 'staff', approvals: 1 }, documentation: { role: 'supervisor', approvals: 1 }, report: { role: 'committee', quorum: 2, rejection: 'any' } },
      reason: 'matrix',
    },
    addDayOff: { date: '2026-08-18', kind: 'collective_leave', name: 'Matrix' },
    // Account routes past the guard without changing an account: the right current password with a
    // common new one, and a common temporary one, are refused (422 WEAK_PASSWORD) by the route itself.
    // (A wrong current password would count as a failed sign-in of the demo user: the limiter is
    // shared by the whole run, so every later login of that user would answer 429.)
    changePassword: { currentPassword: DEMO_PASSWORD, newPassword: 'password123' },
    resetUserPassword: { temporaryPassword: 'password123' },
    markNotificationsRead: { ids: ['999999999999'] },
    // Admin console: dry runs of the example sheets (nothing written), a deadline policy for a region
    // that does not exist (422, nothing written) and a year without decree data (422).
    importRegions: directoryDryRunForm('wilayah.csv'),
    importSchools: directoryDryRunForm('sekolah.csv'),
    importUsers: directoryDryRunForm('gtk.csv'),
    setDeadlinePolicy: { regionId: 'reg-matrix-none', note: 'matrix', policy: (({ version: _v, ...p }) => p)(DEFAULT_DEADLINE_POLICY) },
    // The demo school's assigned supervisors as the demo seeds them: past the guard, nothing changes.
    setSchoolSupervisors: { supervisorIds: ['u-supervisor', 'u-supervisor-2'] },
    putNotificationPreferences: { channels: { email: true, webhook: false, inApp: true }, webhookUrl: null, quietHours: null, timeZone: 'Asia/Jakarta', digest: 'off', language: 'id' },
    // Past the guard, refused by the decider (422: the evidence is a photo, not a receipt; 404/409: nothing to withdraw or acknowledge).
    recordExpenditure: { expenditureId: `m${n}`, date: '2026-03-05', amount: 1000, payee: 'Matrix', evidenceSha256: target.sha256 },
    withdrawExpenditure: { reason: 'matrix' },
    acknowledgeOverspend: {},
    // The guidelines' own list: plans whose lines name its components still submit.
    putBospComponents: { source: 'Matrix (Permendikbudristek 63/2023)', components: BOSP_GUIDELINES_63_2023.components },
    // Past the guard, refused before anything starts: a 2025 window in a 2026 template (422 INVALID_PLAN),
    // a copy into the program's own year (422 SAME_BUDGET_YEAR).
    startProgramTemplate: { templateId: `matrix-${n}`, title: 'Matrix', budgetYear: 2026, plan: plan(2025), schoolIds: [target.school] },
    copyProgram: { budgetYear: 2026 },
  };
  return bodies[id];
}
