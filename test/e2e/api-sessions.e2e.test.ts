import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '@mutu/persistence';
import { startTestStack, type TestStack } from '../support/stack';
import { http, type HttpResult } from './api-helpers';

describe('API sessions: refresh rotation, reuse detection, logout, login rate limit', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const login = (email: string, password = DEMO_PASSWORD) => http(stack, undefined, 'POST', '/auth/login', { email, password });
  const refresh = (refreshToken: string) => http(stack, undefined, 'POST', '/auth/refresh', { refreshToken });

  it('rotates refresh tokens and revokes the whole family when a used one comes back', async () => {
    const first = await login('komite3@demo.mutu.id');
    expect(first.status).toBe(200);
    const second = await refresh(first.body.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    expect((await http(stack, second.body.accessToken, 'GET', '/me')).body.userId).toBe('u-committee-3');

    const replay = await refresh(first.body.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
    // The legitimate latest token of that family is revoked too.
    expect((await refresh(second.body.refreshToken)).status).toBe(401);
  });

  it('logout revokes the refresh token', async () => {
    const s = await login('komite3@demo.mutu.id');
    expect((await http(stack, undefined, 'POST', '/auth/logout', { refreshToken: s.body.refreshToken })).status).toBe(204);
    expect((await refresh(s.body.refreshToken)).status).toBe(401);
    expect((await refresh('not-a-real-refresh-token-at-all')).status).toBe(401);
  });

  it('rate-limits failed sign-ins per email and IP with 429 RATE_LIMITED, even for the right password', async () => {
    // A user of its own (the district officer's copy): the failures are kept in PostgreSQL, where
    // every suite's API would see them for the rest of the window.
    const email = 'sessions.limited@demo.mutu.id';
    await stack.api.get(DataSource).query(
      `INSERT INTO users (user_id, email, name, password_hash, roles, school_ids, region_ids)
       SELECT 'u-sessions-limited', $1, name, password_hash, roles, school_ids, region_ids FROM users WHERE user_id = 'u-district'
       ON CONFLICT DO NOTHING`,
      [email],
    );
    for (let i = 0; i < 5; i++) expect((await login(email, 'wrong-password')).status).toBe(401);
    const limited = await login(email, 'wrong-password');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect((await login(email)).status).toBe(429);
    // Another account from the same IP is unaffected.
    expect((await login('auditor@demo.mutu.id')).status).toBe(200);
  });

  it('auditors and district officers cannot mutate (403), admins manage the directory', async () => {
    const auditor = (await login('auditor@demo.mutu.id')).body.accessToken;
    const admin = (await login('admin@demo.mutu.id')).body.accessToken;
    expect((await http(stack, auditor, 'POST', '/programs', { schoolId: 'sch-sdn-cipinang-01', budgetYear: 2026, title: 'x' })).status).toBe(403);
    expect((await http(stack, auditor, 'GET', '/admin/users')).status).toBe(403);
    const users = await http(stack, admin, 'GET', '/admin/users');
    expect(users.status).toBe(200);
    expect(users.body.map((u: { email: string }) => u.email)).toContain('auditor@demo.mutu.id');
    expect(JSON.stringify(users.body)).not.toContain('password');
    const dup = await http(stack, admin, 'POST', '/admin/regions', { regionId: 'reg-jaktim', name: 'dup' });
    expect(dup.status).toBe(409);
    // A user of its own: other suites share the database and the seeded users.
    const created = await http(stack, admin, 'POST', '/admin/users', {
      userId: 'u-sessions-staff', email: 'sessions.staff@demo.mutu.id', name: 'Staf Uji', password: 'staf-uji-2026-pw', roles: ['staff'], schoolIds: ['sch-sdn-cipinang-01'],
    });
    expect(created.status).toBe(201);
    const staff = await login('sessions.staff@demo.mutu.id', 'staf-uji-2026-pw');
    expect(staff.status).toBe(200);
    // The account behind a token is re-read after an admin changes it, however recently it was read.
    expect((await http(stack, staff.body.accessToken, 'GET', '/admin/users')).status).toBe(403);
    expect((await http(stack, admin, 'PATCH', '/admin/users/u-sessions-staff', { roles: ['staff', 'admin'] })).status).toBe(200);
    expect((await http(stack, staff.body.accessToken, 'GET', '/admin/users')).status).toBe(200);
    expect((await http(stack, admin, 'PATCH', '/admin/users/u-sessions-staff', { roles: ['staff'] })).status).toBe(200);
    expect((await http(stack, staff.body.accessToken, 'GET', '/admin/users')).status).toBe(403);
    const disabled = await http(stack, admin, 'PATCH', '/admin/users/u-sessions-staff', { disabled: true });
    expect(disabled.status).toBe(200);
    expect((await login('sessions.staff@demo.mutu.id', 'staf-uji-2026-pw')).status).toBe(401);
    expect((await http(stack, staff.body.accessToken, 'GET', '/me')).status).toBe(401);
    expect((await refresh(staff.body.refreshToken)).status).toBe(401);
    expect((await http(stack, admin, 'PATCH', '/admin/users/u-nobody', { name: 'x' })).status).toBe(404);
  });
});

describe('API sessions: the web app refresh cookie', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const WEB = { 'x-mutu-session': 'cookie' };
  const cookieOf = (res: HttpResult) => res.headers.getSetCookie().find((c) => c.startsWith('mutu_refresh='));
  const valueOf = (setCookie: string | undefined) => /^mutu_refresh=([^;]*)/.exec(setCookie ?? '')?.[1] ?? '';
  const withCookie = (value: string) => ({ ...WEB, cookie: `other=1; mutu_refresh=${value}` });
  const webLogin = (email: string) => http(stack, undefined, 'POST', '/auth/login', { email, password: DEMO_PASSWORD }, WEB);
  const cookieRefresh = (value: string) => http(stack, undefined, 'POST', '/auth/refresh', {}, withCookie(value));

  it('sign-in for the web app sets an httpOnly, SameSite=Strict, Secure cookie on /auth and leaves the token out of the body', async () => {
    const res = await webLogin('komite3@demo.mutu.id');
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).toBeUndefined();
    expect(res.body.accessToken).toEqual(expect.any(String));
    const cookie = cookieOf(res)!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/auth(;|$)/);
    expect(cookie).toMatch(/; Max-Age=\d+/);
    // A script or the CLI, without the header, gets the token in the body and no cookie.
    const cli = await http(stack, undefined, 'POST', '/auth/login', { email: 'komite3@demo.mutu.id', password: DEMO_PASSWORD });
    expect(cli.body.refreshToken).toEqual(expect.any(String));
    expect(cookieOf(cli)).toBeUndefined();
  });

  it('the cookie rotates on refresh, a replayed cookie revokes the sign-in and is cleared', async () => {
    const first = valueOf(cookieOf(await webLogin('komite3@demo.mutu.id')));
    const rotated = await cookieRefresh(first);
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).toBeUndefined();
    expect((await http(stack, rotated.body.accessToken, 'GET', '/me')).body.userId).toBe('u-committee-3');
    const second = valueOf(cookieOf(rotated));
    expect(second).not.toBe(first);
    expect(second.length).toBeGreaterThan(20);

    const replay = await cookieRefresh(first);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
    expect(cookieOf(replay)).toMatch(/^mutu_refresh=;.*Expires=Thu, 01 Jan 1970/);
    expect((await cookieRefresh(second)).status).toBe(401);
  });

  it('the cookie counts only on a JSON POST; without body token or cookie the refresh is 401', async () => {
    const value = valueOf(cookieOf(await webLogin('komite3@demo.mutu.id')));
    const plain = await http(stack, undefined, 'POST', '/auth/refresh', '{}', { ...withCookie(value), 'content-type': 'text/plain' });
    expect(plain.status).toBeGreaterThanOrEqual(400);
    expect(plain.status).toBeLessThan(500);
    expect((await http(stack, undefined, 'POST', '/auth/refresh', {})).status).toBe(401);
    // The token was not used by the refused request.
    expect((await cookieRefresh(value)).status).toBe(200);
  });

  it('logout revokes the cookie sign-in and clears the cookie; sign out everywhere clears it too', async () => {
    const value = valueOf(cookieOf(await webLogin('komite3@demo.mutu.id')));
    const out = await http(stack, undefined, 'POST', '/auth/logout', {}, withCookie(value));
    expect(out.status).toBe(204);
    expect(cookieOf(out)).toMatch(/^mutu_refresh=;.*Path=\/auth/);
    expect((await cookieRefresh(value)).status).toBe(401);

    const again = await webLogin('komite3@demo.mutu.id');
    const everywhere = await http(stack, again.body.accessToken, 'POST', '/me/sessions/revoke', undefined, WEB);
    expect(everywhere.status).toBe(200);
    expect(cookieOf(everywhere)).toMatch(/^mutu_refresh=;.*Path=\/auth/);
    expect((await cookieRefresh(valueOf(cookieOf(again)))).status).toBe(401);
  });
});
