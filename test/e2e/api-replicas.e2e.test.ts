import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '@mutu/persistence';
import { createApi } from '../../apps/api/src/create-api';
import { IdempotencyService } from '../../apps/api/src/idempotency/idempotency.service';
import { startTestStack, type TestStack } from '../support/stack';
import { createProgram, http, openDb, plan, SCHOOL } from './api-helpers';

// Two API replicas (two Nest applications, one database, one Temporal): what one replica counted,
// stored or changed, the other sees.
describe('two API replicas share their state through PostgreSQL', () => {
  let a: TestStack;
  let b: TestStack;
  let apiB: NestExpressApplication;
  let db: DataSource;

  beforeAll(async () => {
    // Pages kept for a minute: a page B failed to drop would outlive every wait below.
    a = await startTestStack({ PROGRAM_LIST_CACHE_MS: '60000' });
    apiB = await createApi(a.config);
    await apiB.listen(0, '127.0.0.1');
    b = { ...a, api: apiB, baseUrl: `http://127.0.0.1:${(apiB.getHttpServer().address() as { port: number }).port}` };
    db = await openDb();
  });

  afterAll(async () => {
    await apiB?.close();
    await a?.stop();
    await db?.destroy();
  });

  /** A user of its own (a copy of the district officer, same password): other suites sign in as the seeded ones. */
  async function userOfItsOwn(): Promise<string> {
    const id = `u-replicas-${randomUUID().slice(0, 8)}`;
    await db.query(
      `INSERT INTO users (user_id, email, name, password_hash, roles, school_ids, region_ids)
       SELECT $1, $2, name, password_hash, roles, school_ids, region_ids FROM users WHERE user_id = 'u-district'`,
      [id, `${id}@demo.mutu.id`],
    );
    return `${id}@demo.mutu.id`;
  }
  const login = (stack: TestStack, email: string, password = DEMO_PASSWORD) => http(stack, undefined, 'POST', '/auth/login', { email, password });

  it('the login limit holds across replicas: failures on A and B add up, and both then answer 429', async () => {
    const email = await userOfItsOwn();
    for (const stack of [a, b, a, b, a]) expect((await login(stack, email, 'wrong-password')).status).toBe(401);
    for (const stack of [b, a]) {
      const limited = await login(stack, email);
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      expect(limited.body.details.retryAfterSeconds).toBeGreaterThan(800);
    }
    // Another account from the same address is unaffected, on either replica.
    const other = await userOfItsOwn();
    expect((await login(b, other)).status).toBe(200);
  });

  it('concurrent failures on both replicas are all counted (atomic upsert, no lost update)', async () => {
    const email = await userOfItsOwn();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => login(i % 2 === 0 ? a : b, email, `wrong-${i}`)));
    const failed = answers.filter((r) => r.status === 401).length;
    expect(failed + answers.filter((r) => r.status === 429).length).toBe(12);
    const rows: { failures: number }[] = await db.query('SELECT failures FROM login_attempts ORDER BY window_started_at DESC');
    // Every 401 was counted once; the 429s were refused before a password was checked.
    expect(rows.map((r) => r.failures)).toContain(failed);
    expect(failed).toBeGreaterThanOrEqual(5);
    expect((await login(a, email)).status).toBe(429);
    expect((await login(b, email)).status).toBe(429);
  });

  it('a success resets the count on every replica', async () => {
    const email = await userOfItsOwn();
    for (const stack of [a, b, a, b]) expect((await login(stack, email, 'wrong-password')).status).toBe(401);
    expect((await login(b, email)).status).toBe(200);
    for (const stack of [a, b, a, b]) expect((await login(stack, email, 'wrong-password')).status).toBe(401);
    expect((await login(a, email)).status).toBe(200);
  });

  it('an Idempotency-Key used on A is answered from the stored response on B', async () => {
    const token = await a.login('kepsek@demo.mutu.id');
    const key = `replicas-${randomUUID()}`;
    const body = { schoolId: SCHOOL, budgetYear: 2026, title: 'Literasi (dua replika)', plan: plan() };
    const first = await http(a, token, 'POST', '/programs', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const repeat = await http(b, token, 'POST', '/programs', body, { 'idempotency-key': key });
    expect(repeat.status).toBe(201);
    expect(repeat.body.programId).toBe(first.body.programId);
    const reused = await http(b, token, 'POST', '/programs', { ...body, title: 'Another' }, { 'idempotency-key': key });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('an expired idempotency record is not replayed, is replaced by a new use of its key, and is swept', async () => {
    const service = apiB.get(IdempotencyService);
    const userId = `u-idem-${randomUUID().slice(0, 8)}`;
    const retentionHours = a.config.IDEMPOTENCY_RETENTION_HOURS;
    await db.query(
      `INSERT INTO idempotency_records (user_id, key, fingerprint, status_code, response, created_at)
       VALUES ($1, 'old', $2, 201, '"stale"', now() - ($3 + 1) * interval '1 hour'),
              ($1, 'fresh', $2, 201, '"kept"', now() - ($3 - 1) * interval '1 hour')`,
      [userId, 'f'.repeat(64), retentionHours],
    );
    expect(await service.run(userId, 'fresh', 'f'.repeat(64), 201, async () => 'recomputed')).toBe('kept');
    expect(await service.run(userId, 'old', 'e'.repeat(64), 201, async () => 'recomputed')).toBe('recomputed');
    // The new use replaced the expired record: it is what a repeat now gets.
    expect(await service.run(userId, 'old', 'e'.repeat(64), 201, async () => 'again')).toBe('recomputed');
    await db.query(`UPDATE idempotency_records SET created_at = now() - ($2 + 1) * interval '1 hour' WHERE user_id = $1 AND key = 'old'`, [userId, retentionHours]);
    expect(await service.sweep()).toBeGreaterThanOrEqual(1);
    const left: { key: string }[] = await db.query('SELECT key FROM idempotency_records WHERE user_id = $1', [userId]);
    expect(left.map((r) => r.key)).toEqual(['fresh']);
  });

  it('GET /programs on B shows a change made through A (its pages are dropped on PostgreSQL NOTIFY)', async () => {
    const token = await a.login('kepsek@demo.mutu.id');
    const programId = await createProgram(a, token);
    const versionOnB = async () => {
      const page = await http(b, token, 'GET', `/programs?schoolId=${SCHOOL}&limit=100`);
      return (page.body.items as { programId: string; version: number }[]).find((p) => p.programId === programId)?.version;
    };
    const before = await versionOnB();
    expect(before).toBeGreaterThan(0);
    expect(await versionOnB()).toBe(before); // kept in B's memory now
    expect((await http(a, token, 'POST', `/programs/${programId}/plan/submit`, {})).status).toBeLessThan(300);
    const started = Date.now();
    let after = await versionOnB();
    while (after === before && Date.now() - started < 2_000) after = await versionOnB();
    expect(after).toBeGreaterThan(before!);
  });
});
