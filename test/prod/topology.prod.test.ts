import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { WORKER_NODE_FLAGS } from '@mutu/temporal';
import { createProgram, EMAIL, http, loginAll } from '../e2e/api-helpers';
import { describeLifecycle } from '../e2e/api-lifecycle.suite';
import { until } from '../support/until';
import { expectGroupEmpty, isAlive, ROOT, startProdLocal, type ProdLocal } from './prod-local';

// Provisioning the topology (build check, artifact, PostgreSQL, Temporal server, four replicas)
// takes a minute or two on a busy machine; the Temporal server is built once beforehand.
jest.setTimeout(480_000);

let started: Promise<ProdLocal> | undefined;
const topology = () => (started ??= startProdLocal());

afterAll(async () => {
  const t = await started?.catch(() => undefined);
  t?.cleanup();
});

describeLifecycle('production topology (npm run prod:local): a program walks its whole lifecycle through the proxy', async () => {
  const t = await topology();
  // The topology outlives this block: the tests below kill its parts, then stop it.
  return { baseUrl: t.url, login: (email) => t.login(email), stop: async () => undefined };
});

describe('production topology: what it runs, faults, and Ctrl-C', () => {
  const apis = (t: ProdLocal) => t.descendants().filter((p) => p.args.includes('dist/apps/api/src/main.js'));
  const workers = (t: ProdLocal) => t.descendants().filter((p) => p.args.includes('dist/apps/worker/src/main.js'));

  it('runs two API and two worker replicas from the pruned artifact, and a Temporal server on PostgreSQL', async () => {
    const t = await topology();
    expect(apis(t)).toHaveLength(2);
    expect(workers(t)).toHaveLength(2);
    const artifact = join(ROOT, '.prod', 'artifact');
    expect(existsSync(join(artifact, 'node_modules', 'jest'))).toBe(false);
    expect(existsSync(join(artifact, 'node_modules', 'typeorm'))).toBe(true);
    for (const p of [...apis(t), ...workers(t)]) {
      expect(p.args).toMatch(/-r \.\/scripts\/register-dist\.js dist\/apps\/(api|worker)\/src\/main\.js$/);
    }
    // The workers start with the node flags of compose's `worker` command.
    for (const p of workers(t)) expect(p.args).toContain(` ${WORKER_NODE_FLAGS.join(' ')} -r ./scripts/register-dist.js `);
    expect(t.descendants().some((p) => /temporal-server\/[\d.]+\/server .*--env production .*start/.test(p.args))).toBe(true);
    // The replicas connect as the application role, which may not rewrite history.
    expect(new URL(t.runtime.DATABASE_URL).username).toBe('mutu_app');
    const db = new Client({ connectionString: t.runtime.DATABASE_URL });
    await db.connect();
    try {
      await expect(db.query('UPDATE events SET type = type WHERE false')).rejects.toThrow(/permission denied/);
      const temporalDbs = await db.query("SELECT datname FROM pg_database WHERE datname LIKE 'temporal%' ORDER BY 1");
      expect(temporalDbs.rows.map((r: { datname: string }) => r.datname)).toEqual(['temporal', 'temporal_visibility']);
    } finally {
      await db.end();
    }
  });

  it('kill -9 of an API replica: the proxy sends requests to the other one, and the replica comes back', async () => {
    const t = await topology();
    const token = await t.login(EMAIL.principal);
    const [victim] = apis(t);
    process.kill(victim.pid, 'SIGKILL');
    for (let i = 0; i < 6; i++) expect((await http(t, token, 'GET', '/programs?limit=1')).status).toBe(200);
    expect(await createProgram(t, token)).toMatch(/^[0-9a-f-]{36}$/);
    await until('the killed API replica to be back', () => apis(t).length === 2 && !apis(t).some((p) => p.pid === victim.pid), 60_000);
    expect((await http(t, undefined, 'GET', '/health')).status).toBe(200);
  });

  it('kill -9 of a worker replica: a command retried with its Idempotency-Key is recorded exactly once', async () => {
    const t = await topology();
    const tokens = await loginAll(t);
    const programId = await createProgram(t, tokens.principal);
    const [victim] = workers(t);
    process.kill(victim.pid, 'SIGKILL');
    const key = randomUUID();
    let answer = await http(t, tokens.principal, 'POST', `/programs/${programId}/plan/submit`, {}, { 'idempotency-key': key });
    for (let tries = 0; answer.status === 503 && tries < 20; tries++) {
      expect(answer.headers.get('retry-after')).not.toBeNull();
      await new Promise((r) => setTimeout(r, 1_000));
      answer = await http(t, tokens.principal, 'POST', `/programs/${programId}/plan/submit`, {}, { 'idempotency-key': key });
    }
    expect(answer.status).toBe(200);
    const repeat = await http(t, tokens.principal, 'POST', `/programs/${programId}/plan/submit`, {}, { 'idempotency-key': key });
    expect(repeat.status).toBe(200);
    const db = new Client({ connectionString: t.runtime.DATABASE_URL });
    await db.connect();
    try {
      const submitted = await db.query("SELECT count(*)::int AS n FROM events WHERE stream_id = $1 AND type = 'PlanSubmitted'", [`program-${programId}`]);
      expect(submitted.rows[0].n).toBe(1);
    } finally {
      await db.end();
    }
    await until('the killed worker replica to be back', () => workers(t).length === 2 && !workers(t).some((p) => p.pid === victim.pid), 60_000);
    const approved = await http(t, tokens.supervisor, 'POST', `/programs/${programId}/plan/decision`, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.stage).toBe('assign');
  });

  it('Ctrl-C stops everything it started and leaves nothing running', async () => {
    const t = await topology();
    const before = t.descendants();
    expect(before.length).toBeGreaterThanOrEqual(6); // prod:local, PostgreSQL, Temporal, 2 APIs, 2 workers
    const code = await t.interrupt();
    expect(code).toBe(0);
    await expectGroupEmpty(t.group.pgid, 20_000);
    expect(before.filter((p) => isAlive(p.pid))).toEqual([]);
    expect(existsSync(join(t.dir, 'runtime.json'))).toBe(false);
    await expect(fetch(`${t.url}/health/live`)).rejects.toThrow();
  });
});
