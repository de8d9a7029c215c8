// Starts `npm run prod:local` (node scripts/prod-local.js) as an operator would, in a process group
// of its own, and answers the test's questions about it: its URL, its processes, its secrets.
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expectGroupEmpty, killGroup, startInOwnGroup, type GroupProcess } from '../support/process-group';
import { until } from '../support/until';

export const ROOT = resolve(__dirname, '..', '..');

export interface ProdLocal {
  url: string;
  dir: string;
  group: GroupProcess;
  baseUrl: string;
  secrets: { DEMO_PASSWORD: string };
  runtime: { DATABASE_URL: string; TEMPORAL_ADDRESS: string };
  login(email: string): Promise<string>;
  /** Running processes started by prod:local (its own included), found by parent pid. */
  descendants(): { pid: number; args: string }[];
  /** Sends what Ctrl-C sends (SIGINT to the whole group) and waits for prod:local to exit. */
  interrupt(): Promise<number | null>;
  /** Safety net for afterAll: nothing of the group survives, the data directory goes. */
  cleanup(): void;
}

export async function startProdLocal(extraEnv: Record<string, string> = {}, timeoutMs = 420_000): Promise<ProdLocal> {
  const dir = mkdtempSync(join(tmpdir(), 'mutu-prod-'));
  // Open to the account embedded PostgreSQL runs as (when the tests run as root).
  chmodSync(dir, 0o755);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.MUTU_CACHE_DIR ? { MUTU_CACHE_DIR: process.env.MUTU_CACHE_DIR } : {}),
    ...(process.env.XDG_CACHE_HOME ? { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME } : {}),
    PROD_LOCAL_DIR: dir,
    // The artifact is a cache shared with `npm run prod:local`: refreshed only when the build changed.
    PROD_LOCAL_ARTIFACT_DIR: join(ROOT, '.prod', 'artifact'),
    API_PORT: '0',
    SEED_DEMO_DATA: 'true',
    ...extraEnv,
  };
  const group = startInOwnGroup(process.execPath, [join(ROOT, 'scripts', 'prod-local.js')], { cwd: ROOT, env });
  let exitCode: number | null | undefined;
  void group.exited.then((c) => (exitCode = c));
  try {
    await until('prod:local to be ready', () => {
      if (exitCode !== undefined) throw new Error(`prod:local exited (${exitCode}) before it was ready:\n${group.output()}`);
      return group.output().includes('Ctrl-C stops everything');
    }, timeoutMs);
  } catch (e) {
    killGroup(group.pgid);
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${group.output()}`);
  }
  const url = /Mutu \(production topology\) (http:\/\/\S+)/.exec(group.output())![1];
  const secrets = JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as ProdLocal['secrets'];
  const runtime = JSON.parse(readFileSync(join(dir, 'runtime.json'), 'utf8')) as ProdLocal['runtime'];
  return {
    url,
    baseUrl: url,
    dir,
    group,
    secrets,
    runtime,
    async login(email: string) {
      const res = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: secrets.DEMO_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
    descendants: () => descendantsOf(group.pgid),
    async interrupt() {
      process.kill(-group.pgid, 'SIGINT');
      return group.exited;
    },
    cleanup() {
      killGroup(group.pgid);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every live process whose chain of parents reaches `root` (root included). */
export function descendantsOf(root: number): { pid: number; args: string }[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(entry), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const out: { pid: number; args: string }[] = [];
  for (const pid of parent.keys()) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
      if (p !== root) continue;
      out.push({ pid, args: cmdline(pid) });
      break;
    }
  }
  return out;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export { expectGroupEmpty };
