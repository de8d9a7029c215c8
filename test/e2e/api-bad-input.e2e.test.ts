import { SignJWT } from 'jose';
import type { DataSource } from 'typeorm';
import { ROUTES, type RouteId, type RouteSpec } from '../../apps/api/src/routes/route-table';
import { startTestStack, type TestStack } from '../support/stack';
import { EMAIL, SCHOOL, bodyFor, createProgram, directoryDryRunForm, eventCount, http, loginAll, openDb, pathFor, plan, type Target } from './api-helpers';

/** Every JSON mutation of a program, with the token of a role allowed to call it. */
const MUTATIONS = (Object.entries(ROUTES) as [RouteId, RouteSpec][]).filter(([, s]) => s.mutation && s.body && s.roles !== 'public');

function roleUser(spec: RouteSpec): keyof typeof EMAIL {
  const roles = spec.roles as readonly string[];
  if (roles.includes('admin')) return 'admin';
  if (roles.includes('principal')) return 'principal';
  if (roles.includes('qa_team')) return 'qa';
  if (roles.includes('supervisor')) return 'supervisor';
  return 'committee1';
}

function wrongTyped(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not-a-number';
  if (typeof value === 'boolean') return 'yes';
  return 'not-an-object';
}

describe('API bad input: 400 with field paths and nothing recorded', () => {
  let stack: TestStack;
  let db: DataSource;
  let t: Record<keyof typeof EMAIL, string>;
  let target: Target;

  beforeAll(async () => {
    stack = await startTestStack();
    db = await openDb();
    t = await loginAll(stack);
    // Bad bodies are refused before any lookup, so the campaign need not exist.
    target = { programId: await createProgram(stack, t.principal), sha256: 'b'.repeat(64), school: SCHOOL, campaignId: 'no-such-campaign', campaignSchool: SCHOOL };
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  const send = (spec: RouteSpec, body: unknown, token = t[roleUser(spec)]) =>
    http(stack, token, spec.method, pathFor(spec, target), body);

  it.each(MUTATIONS)('%s: missing, unknown and wrong-typed fields are 400 with their paths', async (id, spec) => {
    const before = await eventCount(db);
    const valid = bodyFor(id, target) as Record<string, unknown>;
    const required = Object.keys(valid).filter((k) => !((spec.body as unknown as { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape[k].safeParse(undefined).success));

    if (required.length > 0) {
      const missing = await send(spec, {});
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('VALIDATION_FAILED');
      expect(missing.body.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(required));
    }

    const extra = await send(spec, { ...valid, isAdmin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'isAdmin' })]));

    for (const key of Object.keys(valid)) {
      const wrong = await send(spec, { ...valid, [key]: wrongTyped(valid[key]) });
      expect({ key, status: wrong.status }).toEqual({ key, status: 400 });
      expect(wrong.body.issues.some((i: { path: string }) => i.path === key || i.path.startsWith(`${key}.`))).toBe(true);
    }

    const notJson = await send(spec, '{"decision": ');
    expect(notJson.status).toBe(400);
    expect(notJson.body.code).toBe('MALFORMED_JSON');
    expect(await eventCount(db)).toBe(before);
  });

  it('account and notification centre routes: missing, unknown and wrong-typed fields are 400 with their paths, nothing changed', async () => {
    const paths = (r: { body: { issues?: { path: string }[] } }) => (r.body.issues ?? []).map((i) => i.path).sort();
    const [before] = await db.query(`SELECT password_hash, locale FROM users WHERE user_id = 'u-auditor'`);
    const prefsBefore = await http(stack, t.auditor, 'GET', '/me/notification-preferences');
    const cases: [RouteSpec, unknown, string[]][] = [
      [ROUTES.changePassword, {}, ['currentPassword', 'newPassword']],
      [ROUTES.changePassword, { currentPassword: 'x', newPassword: 12345, isAdmin: true }, ['isAdmin', 'newPassword']],
      [ROUTES.changePassword, { currentPassword: 'x', newPassword: 'y'.repeat(201) }, ['newPassword']],
      [ROUTES.putNotificationPreferences, {}, ['channels', 'digest', 'language', 'quietHours', 'timeZone']],
      [ROUTES.putNotificationPreferences, { channels: { email: 'yes', webhook: false, inApp: true }, quietHours: { start: '7am', end: '06:00' }, timeZone: 'Europe/Paris', digest: 'daily', language: 'id' }, ['channels.email', 'quietHours.start', 'timeZone']],
      [ROUTES.markNotificationsRead, {}, ['ids']],
      [ROUTES.markNotificationsRead, { ids: ['1', '-2', 3] }, ['ids.1', 'ids.2']],
      [ROUTES.markNotificationsRead, { ids: [] }, ['ids']],
    ];
    for (const [spec, body, expected] of cases) {
      const r = await http(stack, t.auditor, spec.method, spec.path, body);
      expect({ path: spec.path, body, status: r.status, paths: paths(r) }).toEqual({ path: spec.path, body, status: 400, paths: expected });
    }
    const notJson = await http(stack, t.auditor, 'PUT', '/me/notification-preferences', '{"channels": ');
    expect([notJson.status, notJson.body.code]).toEqual([400, 'MALFORMED_JSON']);
    const [after] = await db.query(`SELECT password_hash, locale FROM users WHERE user_id = 'u-auditor'`);
    expect(after).toEqual(before);
    expect((await http(stack, t.auditor, 'GET', '/me/notification-preferences')).body).toEqual(prefsBefore.body);
  });

  it('the people picker and the school list: an unknown role, an unknown parameter and a bad program id are 400 at their names', async () => {
    const paths = (r: { body: { issues?: { path: string }[] } }) => (r.body.issues ?? []).map((i) => i.path);
    const base = pathFor(ROUTES.programPeople, target);
    for (const [path, expected] of [[`${base}?role=wizard`, ['role']], [`${base}?role=supervisor`, ['role']], [`${base}?role=staff&isAdmin=1`, ['isAdmin']], [`${base}?role=st%00aff`, ['role']], ['/programs/bad%20id!/people', ['id']], ['/schools?schoolId=x', ['schoolId']]] as const) {
      const r = await http(stack, t.principal, 'GET', path);
      expect({ path, status: r.status, paths: paths(r) }).toEqual({ path, status: 400, paths: expected });
    }
    expect((await http(stack, t.principal, 'GET', `${base}?role=staff`)).status).toBe(200);
  });

  it('the region dashboard: bad levels, years, ids and unknown filters are 400 at their names', async () => {
    const paths = (r: { body: { issues?: { path: string }[] } }) => (r.body.issues ?? []).map((i) => i.path).sort();
    for (const base of ['/dashboard/region', '/dashboard/region/xlsx']) {
      for (const [query, expected] of [['?level=TK', ['level']], ['?budgetYear=1800&subDistrict=', ['budgetYear', 'subDistrict']], ['?schoolId=', ['schoolId']], ['?stage=plan', ['stage']]] as const) {
        const r = await http(stack, t.district, 'GET', `${base}${query}`);
        expect({ query, status: r.status, paths: paths(r) }).toEqual({ query, status: 400, paths: expected });
      }
    }
  });

  it('statutory report submissions: a missing file, a bad date, an unknown field, report or year are 400 at their names, nothing recorded', async () => {
    const paths = (r: { body: { issues?: { path: string }[] } }) => [...new Set((r.body.issues ?? []).map((i) => i.path))].sort();
    const before = await eventCount(db);
    const form = (fields: Record<string, string>, file = true) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      if (file) f.append('file', new Blob([new Uint8Array(Buffer.from('kode,uraian\n1,a\n'))]), 'arkas.csv');
      return f;
    };
    const at = (year: string, report: string) => `/schools/${SCHOOL}/statutory-deadlines/${year}/${report}/submission`;
    const cases: [string, string, unknown, string[]][] = [
      ['POST', at('2026', 'stage_one'), form({ submittedOn: '2026-07-20' }, false), ['file']],
      ['POST', at('2026', 'stage_one'), form({}), ['submittedOn']],
      ['POST', at('2026', 'stage_one'), form({ submittedOn: '2026-13-01' }), ['submittedOn']],
      ['POST', at('2026', 'stage_one'), form({ submittedOn: '2026-07-20', isAdmin: 'true' }), ['isAdmin']],
      ['POST', at('2026', 'stage_two'), form({ submittedOn: '2026-07-20' }), ['report']],
      ['POST', at('20x6', 'annual'), form({ submittedOn: '2026-07-20' }), ['year']],
      ['GET', `/schools/${SCHOOL}/statutory-deadlines/1999`, undefined, ['year']],
    ];
    for (const [method, path, body, expected] of cases) {
      const r = await http(stack, t.principal, method, path, body);
      expect({ path, status: r.status, paths: paths(r) }).toEqual({ path, status: 400, paths: expected });
    }
    expect(await eventCount(db)).toBe(before);
  });

  it('admin console routes: a missing file, bad flags, queries and years are 400 at their names, nothing changed', async () => {
    const paths = (r: { body: { issues?: { path: string }[] } }) => [...new Set((r.body.issues ?? []).map((i) => i.path))].sort();
    const before = await eventCount(db);
    const counts = async () => (await db.query('SELECT (SELECT count(*) FROM regions) AS r, (SELECT count(*) FROM schools) AS s, (SELECT count(*) FROM users) AS u, (SELECT count(*) FROM days_off) AS d'))[0];
    const tables = await counts();
    const onlyFlag = () => { const f = new FormData(); f.append('dryRun', 'true'); return f; };
    const withFlag = (flag: string, extra?: string) => {
      const f = directoryDryRunForm('wilayah.csv');
      f.set('dryRun', flag);
      if (extra) f.append(extra, 'x');
      return f;
    };
    const cases: [string, string, unknown, string[]][] = [
      ['POST', ROUTES.importRegions.path, onlyFlag(), ['file']],
      ['POST', ROUTES.importSchools.path, withFlag('yes'), ['dryRun']],
      ['POST', ROUTES.importUsers.path, withFlag('true', 'isAdmin'), ['isAdmin']],
      ['POST', '/admin/national-days-off/20x6', undefined, ['year']],
      ['GET', '/admin/days-off?year=1999&regionId=a%20b', undefined, ['regionId', 'year']],
      ['GET', '/admin/days-off?year=2026&isAdmin=1', undefined, ['isAdmin']],
      ['GET', '/admin/deadline-policies?regionId=', undefined, ['regionId']],
    ];
    for (const [method, path, body, expected] of cases) {
      const r = await http(stack, t.admin, method, path, body);
      expect({ path, status: r.status, paths: paths(r) }).toEqual({ path, status: 400, paths: expected });
    }
    const policy = bodyFor('setDeadlinePolicy', target) as { policy: { report: Record<string, unknown> } };
    const nested = await http(stack, t.admin, 'PUT', ROUTES.setDeadlinePolicy.path, { ...policy, regionId: 'reg-jaktim', policy: { ...policy.policy, report: { ...policy.policy.report, dueBy: '13-01' }, reminderOffsetsWorkingDays: [1, 1] } });
    expect([nested.status, paths(nested)]).toEqual([400, ['policy.reminderOffsetsWorkingDays', 'policy.report.dueBy']]);
    expect(await counts()).toEqual(tables);
    expect(await eventCount(db)).toBe(before);
  });

  it('an oversize field is 400 at its path; a body over the limit is 413; nothing recorded', async () => {
    const before = await eventCount(db);
    const longReason = await send(ROUTES.requestCancellation, { reason: 'x'.repeat(2001) });
    expect(longReason.status).toBe(400);
    expect(longReason.body.issues.map((i: { path: string }) => i.path)).toEqual(['reason']);
    const huge = await send(ROUTES.editPlan, { plan: { objectives: Array.from({ length: 400 }, () => 'y'.repeat(1000)), standard: null, indicators: [], activities: [] } });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await eventCount(db)).toBe(before);
  });

  describe('text PostgreSQL cannot store, empty filters and path patterns', () => {
    const paths = (r: { body: { issues?: { path: string }[] } }) => (r.body.issues ?? []).map((i) => i.path);

    it('an empty schoolId filter is 400 at schoolId, not a database error', async () => {
      const r = await http(stack, t.qa, 'GET', '/programs?schoolId=');
      expect([r.status, r.body.code, paths(r)]).toEqual([400, 'VALIDATION_FAILED', ['schoolId']]);
    });

    it('a cursor that does not decode to a program id (here: to a NUL and broken UTF-8) is 400 at cursor', async () => {
      const r = await http(stack, t.admin, 'GET', '/programs?cursor=I9GOg_IT0S_cAGl');
      expect([r.status, paths(r)]).toEqual([400, ['cursor']]);
      await createProgram(stack, t.principal, SCHOOL, 'Kedua');
      const first = await http(stack, t.admin, 'GET', '/programs?limit=1');
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const next = await http(stack, t.admin, 'GET', `/programs?limit=1&cursor=${first.body.nextCursor}`);
      expect([first.status, next.status]).toEqual([200, 200]);
    });

    it('a NUL character anywhere is 400 at its field path and records nothing', async () => {
      const before = await eventCount(db);
      const create = await http(stack, t.qa, 'POST', '/programs', { schoolId: 'sch\u0000x', budgetYear: 2026, title: 'NUL' });
      expect([create.status, paths(create)]).toEqual([400, ['schoolId']]);
      const nested = await http(stack, t.principal, 'PUT', `/programs/${target.programId}/plan`, { plan: { ...plan(), objectives: ['ok', 'a\u0000b'] } });
      expect([nested.status, paths(nested)]).toEqual([400, ['plan.objectives.1']]);
      const inQuery = await http(stack, t.qa, 'GET', '/programs?regionId=reg%00x');
      expect([inQuery.status, paths(inQuery)]).toEqual([400, ['regionId']]);
      const inPath = await http(stack, t.qa, 'GET', '/programs/p%00x');
      expect([inPath.status, paths(inPath)]).toEqual([400, ['id']]);
      const inKey = await http(stack, t.qa, 'POST', '/programs', { schoolId: SCHOOL, budgetYear: 2026, title: 'NUL', 'x\u0000': 1 });
      expect(inKey.status).toBe(400);
      const dayOff = await http(stack, t.admin, 'POST', '/admin/days-off', { date: '2026-08-20', kind: 'collective_leave', name: 'Cuti\u0000bersama' });
      expect([dayOff.status, paths(dayOff)]).toEqual([400, ['name']]);
      const timeline = await http(stack, t.auditor, 'GET', `/audit/programs/${target.programId}/timeline?lang=%00`);
      expect([timeline.status, paths(timeline)]).toEqual([400, ['lang']]);
      expect(await eventCount(db)).toBe(before);
    });

    it('a path parameter outside its documented pattern is 400 at its name', async () => {
      const sha = await http(stack, t.qa, 'GET', '/evidence/not-a-sha256');
      expect([sha.status, paths(sha)]).toEqual([400, ['sha256']]);
      const id = await http(stack, t.qa, 'GET', `/programs/${encodeURIComponent('bad id!')}`);
      expect([id.status, paths(id)]).toEqual([400, ['id']]);
      const year = await http(stack, t.qa, 'GET', `/calendar/schools/${SCHOOL}/1999`);
      expect([year.status, paths(year)]).toEqual([400, ['year']]);
      const dayOff = await http(stack, t.admin, 'DELETE', '/admin/days-off/not-a-number');
      expect([dayOff.status, paths(dayOff)]).toEqual([400, ['id']]);
      const audit = await http(stack, t.auditor, 'GET', `/audit/programs/${encodeURIComponent('a/b')}/events`);
      expect([audit.status, paths(audit)]).toEqual([400, ['id']]);
    });

    it('a method the route table does not declare is 405 with Allow', async () => {
      const r = await http(stack, t.qa, 'PATCH', `/programs/${target.programId}`, {});
      expect([r.status, r.body.code, r.headers.get('allow')]).toEqual([405, 'METHOD_NOT_ALLOWED', 'GET, HEAD']);
      const trace = await fetch(`${stack.baseUrl}/health`, { method: 'PUT' });
      expect(trace.status).toBe(405);
    });
  });

  describe('tokens', () => {
    const key = new TextEncoder().encode('test-secret-test-secret-test-secret-0123');
    const me = (token: string) => http(stack, token, 'GET', '/me');

    it('a malformed token is 401', async () => {
      for (const bad of ['abc', 'abc.def', 'a.b.c', `${t.principal.slice(0, -4)}AAAA`]) {
        const r = await me(bad);
        expect({ bad, status: r.status }).toEqual({ bad, status: 401 });
      }
    });

    it('an expired token is 401 TOKEN_EXPIRED', async () => {
      const expired = await new SignJWT({ roles: ['admin'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u-admin')
        .setIssuer('mutu')
        .setAudience('mutu-api')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(key);
      const r = await me(expired);
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('TOKEN_EXPIRED');
    });

    it('an unsigned token (alg: none) and a token signed with another key are 401', async () => {
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'u-admin', iss: 'mutu', aud: 'mutu-api', iat: now, exp: now + 600 })}.`;
      expect((await me(none)).status).toBe(401);
      const forged = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('u-admin').setIssuer('mutu').setAudience('mutu-api').setExpirationTime('10m')
        .sign(new TextEncoder().encode('another-secret-another-secret-another'));
      expect((await me(forged)).status).toBe(401);
    });
  });
});
