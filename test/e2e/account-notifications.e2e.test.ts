// Account self-service and the notification centre over HTTP on the real stack: password change
// with strength rules, an admin reset that forces a change, sign out everywhere, notification
// preferences, the inbox's unread count and read marks, and a program's deadlines.
import type { DataSource } from 'typeorm';
import { startTestStack, type TestStack } from '../support/stack';
import { until } from '../support/until';
import { EMAIL, createProgram, http, loginAll, openDb } from './api-helpers';

describe('account self-service and notification centre (API)', () => {
  let stack: TestStack;
  let db: DataSource;
  let t: Record<keyof typeof EMAIL, string>;
  const run = Date.now().toString(36);
  let n = 0;

  beforeAll(async () => {
    stack = await startTestStack();
    db = await openDb();
    t = await loginAll(stack);
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  /** A fresh staff account, created by the admin, and its first sign-in. */
  async function newUser(password = 'awal-yang-panjang-2026') {
    const id = `u-acct-${run}-${n++}`;
    const email = `${id}@demo.mutu.id`;
    const created = await http(stack, t.admin, 'POST', '/admin/users', { userId: id, email, name: 'Akun Uji', password, roles: ['staff'], schoolIds: ['sch-sdn-cipinang-01'] });
    expect(created.status).toBe(201);
    const login = async (pw = password) => http(stack, undefined, 'POST', '/auth/login', { email, password: pw });
    const first = await login();
    expect(first.status).toBe(200);
    return { id, email, login, session: first.body as { accessToken: string; refreshToken: string; mustChangePassword: boolean } };
  }

  it('changes the password only with the current one and a strong new one; other sessions end', async () => {
    const u = await newUser();
    const other = await u.login();
    const change = (body: unknown) => http(stack, u.session.accessToken, 'POST', '/me/password', body);

    const wrong = await change({ currentPassword: 'bukan-sandi-saya', newPassword: 'sandi-baru-yang-kuat-1' });
    expect([wrong.status, wrong.body.code, wrong.body.issues[0].path]).toEqual([422, 'CURRENT_PASSWORD_WRONG', 'currentPassword']);
    for (const [newPassword, reason] of [['pendek123', 'too_short'], [u.email.toUpperCase(), 'equals_email'], ['Password123', 'common'], ['awal-yang-panjang-2026', 'unchanged']]) {
      const weak = await change({ currentPassword: 'awal-yang-panjang-2026', newPassword });
      expect({ newPassword, status: weak.status, code: weak.body.code, reason: weak.body.details.reason, path: weak.body.issues[0].path }).toEqual({
        newPassword, status: 422, code: 'WEAK_PASSWORD', reason, path: 'newPassword',
      });
    }
    const missing = await change({ currentPassword: 'awal-yang-panjang-2026' });
    expect([missing.status, missing.body.issues.map((i: { path: string }) => i.path)]).toEqual([400, ['newPassword']]);

    const ok = await change({ currentPassword: 'awal-yang-panjang-2026', newPassword: 'sandi-baru-yang-kuat-1' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ tokenType: 'Bearer', mustChangePassword: false, user: { userId: u.id } });
    // Both earlier sessions can no longer be renewed; the new one can.
    for (const old of [u.session.refreshToken, other.body.refreshToken]) {
      expect((await http(stack, undefined, 'POST', '/auth/refresh', { refreshToken: old })).status).toBe(401);
    }
    expect((await http(stack, undefined, 'POST', '/auth/refresh', { refreshToken: ok.body.refreshToken })).status).toBe(200);
    expect((await u.login('awal-yang-panjang-2026')).status).toBe(401);
    expect((await u.login('sandi-baru-yang-kuat-1')).status).toBe(200);
  });

  it('after an admin reset the login says so and only the change-password route answers until the change', async () => {
    const u = await newUser();
    const reset = (body: unknown, userId = u.id) => http(stack, t.admin, 'POST', `/admin/users/${userId}/password-reset`, body);
    expect((await reset({ temporaryPassword: 'password123' })).body).toMatchObject({ code: 'WEAK_PASSWORD', details: { reason: 'common' } });
    expect((await reset({ temporaryPassword: 'sementara-2026-xyz' }, 'u-no-such-user')).status).toBe(404);
    expect((await http(stack, t.principal, 'POST', `/admin/users/${u.id}/password-reset`, { temporaryPassword: 'sementara-2026-xyz' })).status).toBe(403);
    const done = await reset({ temporaryPassword: 'sementara-2026-xyz' });
    expect([done.status, done.body]).toEqual([200, { userId: u.id, mustChangePassword: true }]);

    expect((await http(stack, undefined, 'POST', '/auth/refresh', { refreshToken: u.session.refreshToken })).status).toBe(401);
    const login = await u.login('sementara-2026-xyz');
    expect([login.status, login.body.mustChangePassword]).toEqual([200, true]);
    const token = login.body.accessToken as string;
    for (const [method, path] of [['GET', '/me'], ['GET', '/programs'], ['GET', '/me/notifications'], ['POST', '/me/sessions/revoke']]) {
      const r = await http(stack, token, method!, path!);
      expect({ path, status: r.status, code: r.body.code }).toEqual({ path, status: 403, code: 'PASSWORD_CHANGE_REQUIRED' });
    }
    const changed = await http(stack, token, 'POST', '/me/password', { currentPassword: 'sementara-2026-xyz', newPassword: 'pilihan-saya-sendiri-9' });
    expect([changed.status, changed.body.mustChangePassword]).toEqual([200, false]);
    expect((await http(stack, changed.body.accessToken, 'GET', '/me')).status).toBe(200);
    expect((await u.login('pilihan-saya-sendiri-9')).body.mustChangePassword).toBe(false);

    // The reset is an admin event naming the user, never the password.
    const [event] = await db.query(`SELECT data::text AS data FROM events WHERE stream_id = 'admin' AND data::text LIKE $1 ORDER BY position DESC LIMIT 1`, [`%${u.id}%`]);
    expect(JSON.parse(event.data)).toMatchObject({ userId: u.id, passwordReset: true, mustChangePassword: true });
    expect(event.data).not.toContain('sementara');
  });

  it('signs out of every session: no refresh token of the user works any more', async () => {
    const u = await newUser();
    const second = await u.login();
    const r = await http(stack, u.session.accessToken, 'POST', '/me/sessions/revoke');
    expect([r.status, r.body.revokedSessions]).toEqual([200, 2]);
    for (const token of [u.session.refreshToken, second.body.refreshToken]) {
      expect((await http(stack, undefined, 'POST', '/auth/refresh', { refreshToken: token })).status).toBe(401);
    }
    expect((await http(stack, u.session.accessToken, 'POST', '/me/sessions/revoke')).body.revokedSessions).toBe(0);
  });

  it('keeps notification preferences per user, validated, with the language as the account locale', async () => {
    const u = await newUser();
    const token = u.session.accessToken;
    expect((await http(stack, token, 'GET', '/me/notification-preferences')).body).toEqual({
      channels: { email: true, webhook: false, inApp: true }, webhookUrl: null, quietHours: null, timeZone: 'Asia/Jakarta', digest: 'off', language: 'id',
    });
    const prefs = { channels: { email: true, webhook: false, inApp: false }, webhookUrl: null, quietHours: { start: '21:00', end: '06:00' }, timeZone: 'Asia/Makassar', digest: 'daily', language: 'en' };
    const put = await http(stack, token, 'PUT', '/me/notification-preferences', prefs);
    expect([put.status, put.body]).toEqual([200, prefs]);
    expect((await http(stack, token, 'GET', '/me/notification-preferences')).body).toEqual(prefs);
    const [row] = await db.query('SELECT locale FROM users WHERE user_id = $1', [u.id]);
    expect(row.locale).toBe('en');

    const bad = async (body: unknown) => {
      const r = await http(stack, token, 'PUT', '/me/notification-preferences', body);
      return [r.status, (r.body.issues ?? []).map((i: { path: string }) => i.path)];
    };
    expect(await bad({ ...prefs, channels: { ...prefs.channels, webhook: true } })).toEqual([400, ['webhookUrl']]);
    expect(await bad({ ...prefs, quietHours: { start: '22:00', end: '22:00' } })).toEqual([400, ['quietHours.end']]);
    expect(await bad({ ...prefs, quietHours: { start: '25:00', end: '06:00' } })).toEqual([400, ['quietHours.start']]);
    expect(await bad({ ...prefs, digest: 'weekly', language: 'fr' })).toEqual([400, ['digest', 'language']]);
    expect(await bad({ ...prefs, webhookUrl: 'ftp://example.org/x', channels: { ...prefs.channels, webhook: true } })).toEqual([400, ['webhookUrl']]);
    expect((await http(stack, token, 'GET', '/me/notification-preferences')).body).toEqual(prefs);
  });

  it('counts unread notifications, marks one read (only my own) and all read', async () => {
    const u = await newUser();
    const token = u.session.accessToken;
    const ids: string[] = [];
    for (const kind of ['plan:reminder:5', 'plan:reminder:2', 'plan:reminder:1']) {
      const [row] = await db.query(
        `INSERT INTO notifications (user_id, program_id, stage, kind, due_date, template, params, created_at)
         VALUES ($1, $2, 'plan', $3, '2026-03-02', 'reminder', '{"stage":"plan","dueDate":"2026-03-02","offsetWorkingDays":2}', now()) RETURNING notification_id::text AS id`,
        [u.id, `p-inbox-${run}`, kind],
      );
      ids.push(row.id);
    }
    const [foreign] = await db.query(
      `INSERT INTO notifications (user_id, program_id, stage, kind, due_date, template, params, created_at)
       VALUES ('u-principal', $1, 'plan', 'plan:reminder:9', '2026-03-02', 'reminder', '{"stage":"plan","dueDate":"2026-03-02"}', now()) RETURNING notification_id::text AS id`,
      [`p-inbox-${run}`],
    );
    const unread = async () => (await http(stack, token, 'GET', '/me/notifications/unread-count')).body.unread;
    expect(await unread()).toBe(3);
    const one = await http(stack, token, 'POST', '/me/notifications/read', { ids: [ids[0], foreign.id] });
    expect([one.status, one.body]).toEqual([200, { marked: 1, unread: 2 }]);
    const [other] = await db.query('SELECT read_at FROM notifications WHERE notification_id = $1', [foreign.id]);
    expect(other.read_at).toBeNull();
    const list = await http(stack, token, 'GET', '/me/notifications');
    expect(list.body.items.map((i: { id: string; read: boolean }) => [i.id, i.read])).toEqual([[ids[2], false], [ids[1], false], [ids[0], true]]);
    const badIds = await http(stack, token, 'POST', '/me/notifications/read', { ids: ['abc'] });
    expect([badIds.status, badIds.body.issues[0].path]).toEqual([400, 'ids.0']);
    const all = await http(stack, token, 'POST', '/me/notifications/read-all');
    expect([all.status, all.body]).toEqual([200, { marked: 2, unread: 0 }]);
    expect(await unread()).toBe(0);
  });

  it("GET /programs/:id lists the program's deadlines with reminders sent and extension history", async () => {
    const programId = await createProgram(stack, t.principal);
    const get = () => http(stack, t.principal, 'GET', `/programs/${programId}`);
    await until('the plan deadline', async () => ((await get()).body.deadlines ?? []).length > 0, 60_000);
    const [plan] = (await get()).body.deadlines;
    expect(plan).toMatchObject({ key: 'plan', stage: 'plan', activityId: null, ownerRole: expect.any(String), extended: false, remindersSent: [], extensions: [], missed: false });
    expect(plan.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const later = new Date(Date.parse(`${plan.dueDate}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
    const ext = await http(stack, t.supervisor, 'POST', `/programs/${programId}/deadlines/extend`, { stage: 'plan', newDueDate: later, reason: 'Rapat dinas' });
    expect(ext.status).toBe(200);
    await until('the extended deadline', async () => ((await get()).body.deadlines ?? [])[0]?.extended === true, 60_000);
    const [extended] = (await get()).body.deadlines;
    expect(extended.extensions).toEqual([{ newDueDate: later, reason: 'Rapat dinas', by: 'u-supervisor', at: expect.any(String) }]);
  });
});
