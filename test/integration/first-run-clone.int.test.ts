import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readlinkSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@mutu/provisioning';
import { expectGroupEmpty, killGroup, startInOwnGroup } from '../support/process-group';
import { until } from '../support/until';

// The first run of a new user: the repository cloned into a directory only its owner may enter
// (root's home is 0700, so are mktemp directories), then `npm start`. PostgreSQL refuses to run
// as root, so as root it runs as the unprivileged `postgres` account, which cannot enter the clone:
// the binaries must be placed where it can run them and the data directory where it can write.
// As an ordinary user the database runs as that user and the same code keeps everything in place.

const root = join(__dirname, '..', '..');
const asRoot = userInfo().uid === 0;

describe('npm start from a fresh clone in a 0700 directory', () => {
  let parent: string;
  let clone: string;

  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), 'mutu-home-'));
    expect(statSync(parent).mode & 0o777).toBe(0o700);
    clone = join(parent, 'mutu');
    const git = spawnSync('git', ['clone', '--quiet', root, clone], { encoding: 'utf8' });
    if (git.status !== 0) throw new Error(git.stderr);
    // The packages come from this checkout's install by hard links (installing them again from
    // the registry is not what is tested here); the lockfile is dated before that install so
    // `npm start` sees the install as current.
    const cp = spawnSync('cp', ['-al', join(root, 'node_modules'), join(clone, 'node_modules')], { encoding: 'utf8' });
    if (cp.status !== 0) throw new Error(cp.stderr);
    utimesSync(join(clone, 'package-lock.json'), new Date('2000-01-01'), new Date('2000-01-01'));
  });

  afterAll(() => {
    const pg = join(clone, '.data', 'pg');
    if (existsSync(pg) && lstatSync(pg).isSymbolicLink()) rmSync(readlinkSync(pg), { recursive: true, force: true });
    rmSync(parent, { recursive: true, force: true });
  });

  it('builds, provisions, answers /health, and Ctrl-C leaves nothing running', async () => {
    const apiPort = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, API_PORT: String(apiPort), TEMPORAL_UI_PORT: String(await freePort()), LOG_LEVEL: 'warn' };
    for (const key of ['DATABASE_URL', 'DATABASE_OWNER_URL', 'TEMPORAL_ADDRESS', 'DATA_DIR', 'MUTU_WORKFLOW_BUNDLE', 'NODE_ENV', 'SEED_DEMO_DATA', 'AUDIT_SIGNING_KEY', 'CHROMIUM_PATH', 'TEMPORAL_TEST_SERVER_PATH']) delete env[key];
    const stack = startInOwnGroup(process.execPath, [join(clone, 'scripts', 'start.js'), 'start'], { cwd: clone, env });
    try {
      let health: { status?: string } = {};
      await until(
        `GET /health to answer ok (output so far:\n${stack.output()})`,
        async () => {
          const res = await fetch(`http://127.0.0.1:${apiPort}/health`).catch(() => undefined);
          if (res?.ok) health = (await res.json()) as { status?: string };
          return health.status === 'ok';
        },
        300_000,
      );
      const out = stack.output();
      expect(out).toMatch(/\[mutu\] PostgreSQL: DATABASE_URL not set, embedded PostgreSQL on 127\.0\.0\.1:\d+ with data in /);
      expect(out).toMatch(new RegExp(`\\[mutu\\] Web app +http://127\\.0\\.0\\.1:${apiPort}/app/`));
      const pg = join(clone, '.data', 'pg');
      if (asRoot) {
        // The account cannot enter the clone: the data lives in the system state directory and
        // the clone's .data/pg points there; the server runs as `postgres`, never as root.
        expect(lstatSync(pg).isSymbolicLink()).toBe(true);
        expect(readlinkSync(pg)).toMatch(/^\/var\/lib\/mutu\//);
        expect(out).toContain(`(kept in ${readlinkSync(pg)})`);
        expect(existsSync('/var/cache/mutu/postgres')).toBe(true);
        const server = spawnSync('ps', ['-eo', 'user=,args='], { encoding: 'utf8' }).stdout.split('\n').filter((l) => l.includes(`-D ${readlinkSync(pg)}`));
        expect(server.map((l) => l.trim().split(/\s+/)[0])).toEqual(['postgres']);
      } else {
        expect(lstatSync(pg).isDirectory()).toBe(true);
      }
    } finally {
      process.kill(-stack.pgid, 'SIGINT'); // what Ctrl-C in the terminal sends to the foreground group
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([stack.exited, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), 30_000)))]);
      clearTimeout(timer);
      if (code === 'timeout') killGroup(stack.pgid);
      expect(code).toBe(0);
      await expectGroupEmpty(stack.pgid);
    }
  }, 420_000);
});
