// Generated from the route table: every route × every role × (in scope, out of scope) plus
// anonymous. Denials must be exactly 401/403/404 and record nothing; no cell may be an
// unexpected allow.
import type { DataSource } from 'typeorm';
import { ALL_ROLES, ROUTES, type RouteId, type RouteSpec, type UserRole } from '../../apps/api/src/routes/route-table';
import { startTestStack, type TestStack } from '../support/stack';
import {
  EMAIL, OTHER_SCHOOL, PNG_BYTES, SCHOOL, advance, bodyFor, createProgram, pathFor, eventCount, evidenceForm, http, loginAll, openDb,
  type HttpResult, type Target,
} from './api-helpers';
import { JAKTIM, daysFromToday, launchTestCampaign, twoSchoolCampaign } from './campaign-helpers';

const USER_OF_ROLE: Record<UserRole, keyof typeof EMAIL> = {
  principal: 'principal',
  qa_team: 'qa',
  staff: 'staff',
  committee: 'committee1',
  supervisor: 'supervisor',
  district_officer: 'district',
  auditor: 'auditor',
  admin: 'admin',
  mentor: 'mentor',
};

type Scope = 'in' | 'out';

/** Routes whose object has a scope: out of scope must look like "not found". */
const scoped = (id: RouteId, spec: RouteSpec) => spec.programScoped || spec.campaignScoped || spec.schoolScoped || id === 'downloadEvidence' || id === 'createProgram';

describe('API authorization matrix (generated from the route table)', () => {
  let stack: TestStack;
  let db: DataSource;
  let tokens: Record<keyof typeof EMAIL, string>;
  const targets = {} as Record<Scope, Target>;
  const routes = (Object.entries(ROUTES) as [RouteId, RouteSpec][]).filter(([, s]) => s.roles !== 'public');
  const publicRoutes = (Object.entries(ROUTES) as [RouteId, RouteSpec][]).filter(([, s]) => s.roles === 'public');

  beforeAll(async () => {
    stack = await startTestStack();
    db = await openDb();
    tokens = await loginAll(stack);
    // A supervisor for the other region, created through the admin API, to move that program on.
    const created = await http(stack, tokens.admin, 'POST', '/admin/users', {
      userId: 'u-supervisor-bdg', email: 'pengawas.bdg@demo.mutu.id', name: 'Pengawas Bandung', password: 'pengawas-bdg-2026', roles: ['supervisor'], regionIds: ['reg-bdg'],
    });
    expect(created.status).toBe(201);
    const supBdg = await stack.login('pengawas.bdg@demo.mutu.id').catch(async () => {
      const r = await http(stack, undefined, 'POST', '/auth/login', { email: 'pengawas.bdg@demo.mutu.id', password: 'pengawas-bdg-2026' });
      return r.body.accessToken as string;
    });

    const inId = await createProgram(stack, tokens.principal, SCHOOL);
    await advance(stack, tokens, inId, 'execute');
    await http(stack, tokens.staff, 'POST', `/programs/${inId}/activities/act-1/start`, {});
    const inUpload = await http(stack, tokens.staff, 'POST', `/programs/${inId}/activities/act-1/evidence`, evidenceForm(PNG_BYTES, 'foto.png'));
    expect(inUpload.status).toBe(201);

    const outId = await createProgram(stack, tokens.otherPrincipal, OTHER_SCHOOL);
    const other = { ...tokens, principal: tokens.otherPrincipal, supervisor: supBdg };
    await advance(stack, other, outId, 'assign');
    await http(stack, tokens.otherPrincipal, 'POST', `/programs/${outId}/activities/act-1/assignment`, { personInCharge: 'u-principal-bdg', participants: [] });
    await http(stack, tokens.otherPrincipal, 'POST', `/programs/${outId}/assignments/confirm`, {});
    await http(stack, tokens.otherPrincipal, 'POST', `/programs/${outId}/activities/act-1/start`, {});
    const otherPng = Buffer.concat([PNG_BYTES, Buffer.from('bandung')]);
    const outUpload = await http(stack, tokens.otherPrincipal, 'POST', `/programs/${outId}/activities/act-1/evidence`, evidenceForm(otherPng, 'foto.png'));
    expect(outUpload.status).toBe(201);

    // A campaign in the demo region (organised by its district office) and one in Bandung.
    const inCampaign = `matrix-cmp-in-${Date.now().toString(36)}`;
    const outCampaign = `matrix-cmp-out-${Date.now().toString(36)}`;
    const team = [
      { userId: 'u-supervisor', name: 'Pengawas', role: 'supervisor' as const },
      { userId: 'u-principal', name: 'Kepala sekolah', role: 'principal' as const },
      // The mentor's campaign powers come from this membership alone.
      { userId: 'u-widyaiswara-1', name: 'Widyaiswara', role: 'trainer' as const },
    ];
    await launchTestCampaign(stack, db, twoSchoolCampaign(inCampaign, JAKTIM, 'u-district', team), { userId: 'u-district', roles: ['district_officer'], schoolIds: [], regionIds: ['reg-jaktim'] });
    // Meeting 1 documented with the same PNG, so the photo route has a file to serve in scope.
    const photo = await http(stack, tokens.principal, 'POST', `/campaigns/${inCampaign}/clusters/K01/meetings/1/photos`, evidenceForm(PNG_BYTES, 'foto.png'));
    const documented = await http(stack, tokens.principal, 'POST', `/campaigns/${inCampaign}/clusters/K01/meetings/1/documentation`, {
      heldOn: daysFromToday(-2), hostSchoolId: SCHOOL, materialsCovered: [], attendance: [{ name: 'Matrix' }], minutes: 'Matrix', photos: [photo.body],
    });
    expect([photo.status, documented.status]).toEqual([201, 200]);
    const bandung = { regionId: 'reg-bdg', core: { schoolId: OTHER_SCHOOL, name: 'SD Negeri Coblong 03' }, impact: { schoolId: 'sch-bdg-imbas-01', name: 'SD Negeri Imbas Bandung' } };
    await launchTestCampaign(stack, db, twoSchoolCampaign(outCampaign, bandung, 'u-admin', [{ userId: 'u-supervisor-bdg', name: 'Pengawas Bandung', role: 'supervisor' }]), { userId: 'u-admin', roles: ['admin'], schoolIds: [], regionIds: [] });

    // A day off for the admin to remove (days off are not scoped: the same one both ways).
    const dayOff = await http(stack, tokens.admin, 'POST', '/admin/days-off', { date: '2026-08-19', kind: 'local', name: 'Matrix', schoolId: SCHOOL });
    expect(dayOff.status).toBe(201);

    targets.in = { programId: inId, sha256: inUpload.body.state.plan.activities[0].evidence[0].sha256, school: SCHOOL, campaignId: inCampaign, campaignSchool: SCHOOL, dayOffId: dayOff.body.dayOffId };
    targets.out = { programId: outId, sha256: outUpload.body.state.plan.activities[0].evidence[0].sha256, school: OTHER_SCHOOL, campaignId: outCampaign, campaignSchool: OTHER_SCHOOL, dayOffId: dayOff.body.dayOffId };
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  const call = (id: RouteId, spec: RouteSpec, token: string | undefined, scope: Scope): Promise<HttpResult> =>
    http(stack, token, spec.method, pathFor(spec, targets[scope]), bodyFor(id, targets[scope]));

  it('denies anonymous callers, roles not allowed and out-of-scope callers, recording nothing', async () => {
    const before = await eventCount(db);
    const unexpected: string[] = [];
    for (const [id, spec] of routes) {
      const anon = await call(id, spec, undefined, 'in');
      if (anon.status !== 401) unexpected.push(`${id} anonymous → ${anon.status}`);
      for (const role of ALL_ROLES) {
        const allowed = (spec.roles as readonly UserRole[]).includes(role);
        const token = tokens[USER_OF_ROLE[role]];
        if (!allowed) {
          for (const scope of ['in', 'out'] as const) {
            const r = await call(id, spec, token, scope);
            if (r.status !== 403 || r.body.code !== 'ROLE_NOT_ALLOWED') unexpected.push(`${id} ${role} ${scope} → ${r.status} ${r.body?.code}`);
          }
        } else if (scoped(id, spec) && role !== 'admin') {
          const r = await call(id, spec, token, 'out');
          if (r.status !== 404) unexpected.push(`${id} ${role} out of scope → ${r.status} ${r.body?.code}`);
        }
      }
    }
    expect(unexpected).toEqual([]);
    expect(await eventCount(db)).toBe(before);
  });

  it('covers every route of the table: each is public or names the roles that may call it', () => {
    expect(routes.length + publicRoutes.length).toBe(Object.keys(ROUTES).length);
    expect(routes.map(([id]) => id)).toEqual(expect.arrayContaining(['auditEvents', 'auditExport', 'schoolCalendar', 'addDayOff', 'removeDayOff', 'myNotifications', 'programPeople']));
    expect(publicRoutes.map(([id]) => id)).toEqual(expect.arrayContaining(['health', 'healthLive', 'docs', 'openApiJson']));
  });

  it('answers public routes to anonymous callers and every role alike, never with a guard denial', async () => {
    const unexpected: string[] = [];
    const readOnly = publicRoutes.filter(([, s]) => s.method === 'GET');
    for (const [id, spec] of readOnly) {
      for (const token of [undefined, ...ALL_ROLES.map((r) => tokens[USER_OF_ROLE[r]])]) {
        const r = await call(id, spec, token, 'in');
        if (r.status !== 200) unexpected.push(`${id} ${token ? 'signed in' : 'anonymous'} → ${r.status} ${r.body?.code}`);
      }
    }
    // Sign-in routes: a wrong refresh token is refused by the route itself, never by a guard.
    for (const [id, spec] of publicRoutes.filter(([, s]) => s.method !== 'GET')) {
      const body = id === 'login' ? { email: EMAIL.auditor, password: 'wrong-password-123' } : { refreshToken: 'x'.repeat(40) };
      const r = await http(stack, undefined, spec.method, spec.path, body);
      if (r.status >= 500 || r.status === 403 || r.body?.code === 'UNAUTHENTICATED') unexpected.push(`${id} anonymous → ${r.status} ${r.body?.code}`);
    }
    expect(readOnly.length).toBeGreaterThanOrEqual(4);
    expect(unexpected).toEqual([]);
  });

  it('lets every allowed role in scope past the guard and the scope check (the decider may still refuse)', async () => {
    const unexpected: string[] = [];
    // Reads first, so later mutations (withdrawing the evidence, cancelling) cannot hide them.
    const ordered = [...routes.filter(([, s]) => s.method === 'GET'), ...routes.filter(([, s]) => s.method !== 'GET')];
    for (const [id, spec] of ordered) {
      for (const role of ALL_ROLES) {
        if (!(spec.roles as readonly UserRole[]).includes(role)) continue;
        const r = await call(id, spec, tokens[USER_OF_ROLE[role]], 'in');
        const denied = r.status === 401 || r.body?.code === 'ROLE_NOT_ALLOWED' || r.body?.code === 'NOT_FOUND' || r.body?.code === 'SCHOOL_NOT_FOUND' || r.body?.code === 'OUT_OF_SCOPE';
        if (denied || r.status >= 500 || r.status === 400) unexpected.push(`${id} ${role} in scope → ${r.status} ${r.body?.code}`);
        if (spec.method === 'GET' && r.status !== 200) unexpected.push(`${id} ${role} read → ${r.status}`);
      }
    }
    expect(unexpected).toEqual([]);
  });
});
