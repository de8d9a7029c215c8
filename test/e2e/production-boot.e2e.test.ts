import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { weakDatabasePassword } from '@mutu/config';
import { openDb } from './api-helpers';
import { until } from '../support/until';

const root = join(__dirname, '../..');
const register = join(root, 'scripts', 'register-ts.js');
const API_MAIN = join(root, 'apps/api/src/main.ts');
const WORKER_MAIN = join(root, 'apps/worker/src/main.ts');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A database URL production accepts: the test's own when its password is strong, else a role made for this test. */
async function productionDatabaseUrl(): Promise<string> {
  const url = new URL(process.env.DATABASE_URL!);
  if (!weakDatabasePassword(url.toString())) return url.toString();
  const db = await openDb();
  const role = 'mutu_production_boot';
  const password = randomBytes(18).toString('hex');
  try {
    await db.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} LOGIN; END IF; END $$`);
    await db.query(`ALTER ROLE ${role} LOGIN PASSWORD '${password}'`);
    await db.query(`GRANT ${decodeURIComponent(url.username)} TO ${role}`);
  } finally {
    await db.destroy();
  }
  url.username = role;
  url.password = password;
  return url.toString();
}

function run(entry: string, env: Record<string, string>): { child: ChildProcess; lines: string[]; stderr: () => string } {
  const child = spawn(process.execPath, ['-r', register, entry], { cwd: root, env: env as NodeJS.ProcessEnv });
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => {
    const parts = (partial + c.toString()).split('\n');
    partial = parts.pop()!;
    lines.push(...parts.filter(Boolean));
  });
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return { child, lines, stderr: () => stderr };
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

// The real entry points started with NODE_ENV=production, as the image and `npm run prod:local` do.
describe('production boot', () => {
  const base = { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'production' };

  it('refuses to start without its secrets or with the default database password, one sentence per variable', () => {
    const out = spawnSync(process.execPath, ['-r', register, API_MAIN], {
      cwd: root,
      env: { ...base, DATABASE_URL: 'postgres://mutu:mutu@127.0.0.1:5432/mutu' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.status).toBe(78);
    const lines = out.stderr.split('\n');
    for (const variable of ['JWT_SECRET', 'AUDIT_SIGNING_KEY', 'DATABASE_URL']) {
      expect(lines.filter((l) => l.trim().startsWith(`${variable}:`))).toHaveLength(1);
    }
    expect(out.stderr).toMatch(/DATABASE_URL: uses the default password "mutu"/);
    expect(out.stdout).toBe('');
  });

  it('the API and the worker log JSON lines, and the API answers', async () => {
    const port = await freePort();
    const env = {
      ...base,
      DATABASE_URL: await productionDatabaseUrl(),
      TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS!,
      TEMPORAL_TASK_QUEUE: `production-boot-${process.pid}`,
      MUTU_WORKFLOW_BUNDLE: process.env.MUTU_WORKFLOW_BUNDLE!,
      JWT_SECRET: randomBytes(24).toString('hex'),
      COMMAND_SIGNING_KEY: randomBytes(24).toString('hex'),
      AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      LOG_LEVEL: 'info',
    };
    const api = run(API_MAIN, env);
    const worker = run(WORKER_MAIN, env);
    try {
      await until('the API listening', () => api.lines.some((l) => l.includes('listening on')) || api.child.exitCode !== null, 60_000);
      await until('the worker polling', () => worker.lines.some((l) => l.includes('polling task queue')) || worker.child.exitCode !== null, 60_000);
      const exited = (p: typeof api) => ({ exitCode: p.child.exitCode, stderr: p.stderr(), last: p.child.exitCode === null ? [] : p.lines.slice(-3) });
      expect({ api: exited(api), worker: exited(worker) }).toEqual({ api: { exitCode: null, stderr: '', last: [] }, worker: { exitCode: null, stderr: '', last: [] } });
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/programs`)).status).toBe(401);
      await until('the request lines', () => api.lines.some((l) => l.includes('"/programs"')));
    } finally {
      await stop(api.child);
      await stop(worker.child);
    }
    for (const [name, proc] of [['api', api], ['worker', worker]] as const) {
      expect(proc.lines.length).toBeGreaterThan(0);
      for (const line of proc.lines) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        expect({ name, level: typeof entry.level, time: typeof entry.time, service: entry.service }).toEqual({ name, level: 'number', time: 'number', service: `mutu-${name}` });
      }
    }
    const request = api.lines.map((l) => JSON.parse(l)).find((e) => e.req?.url === '/programs');
    expect(request).toMatchObject({ res: { statusCode: 401 } });
    expect(JSON.stringify(request)).not.toContain(env.JWT_SECRET);
  });
});
