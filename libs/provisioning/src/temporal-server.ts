import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { userCacheDir } from './cache-dir';
import { freePort, waitForPort } from './free-port';
import { PrerequisiteError, type ProvisionLog } from './log';
import { findOnPath, isExecutable, resolveTemporalCli } from './temporal-cli';
import { stopChild } from './stop-child';
import { SEARCH_ATTRIBUTES } from './temporal-dev-server';

export const TEMPORAL_SERVER_VERSION = '1.29.1';
const MODULES = [`go.temporal.io/server/cmd/server@v${TEMPORAL_SERVER_VERSION}`, `go.temporal.io/server/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`];
/** deploy/temporal, found from this file in src/ and in the compiled dist/. */
const DEPLOY_DIR = [resolve(__dirname, '../../../deploy/temporal'), resolve(__dirname, '../../../../deploy/temporal')].find((d) =>
  existsSync(join(d, 'config.template.yaml')),
);

export interface TemporalServerBinaries {
  server: string;
  sql: string;
  source: 'cache' | 'go install';
}

/** The server and its schema tool, built once with Go into a versioned directory of the user cache. */
export function resolveTemporalServer(log: ProvisionLog, env: NodeJS.ProcessEnv = process.env): TemporalServerBinaries {
  const binDir = join(userCacheDir(env), 'temporal-server', TEMPORAL_SERVER_VERSION);
  const server = join(binDir, 'server');
  const sql = join(binDir, 'sql');
  if (isExecutable(server) && isExecutable(sql)) {
    log(`Temporal server: ${server} v${TEMPORAL_SERVER_VERSION} (built earlier into the user cache)`);
    return { server, sql, source: 'cache' };
  }
  const go = findOnPath('go', env);
  if (!go) {
    throw new PrerequisiteError(
      `Temporal server: not built yet and Go is not on PATH; install Go ≥ 1.25 (https://go.dev/dl/) so Mutu can build v${TEMPORAL_SERVER_VERSION} once into ${binDir}.`,
    );
  }
  log(`Temporal server: not found; building v${TEMPORAL_SERVER_VERSION} and its schema tool with ${go} into ${binDir} (once, a few minutes)`);
  mkdirSync(binDir, { recursive: true });
  const started = Date.now();
  const result = spawnSync(go, ['install', ...MODULES], {
    env: { ...env, GOBIN: binDir, GOFLAGS: '-mod=mod' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0 || !isExecutable(server) || !isExecutable(sql)) {
    throw new PrerequisiteError(`Temporal server: \`go install ${MODULES.join(' ')}\` failed (see above).`);
  }
  log(`Temporal server: built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { server, sql, source: 'go install' };
}

export interface TemporalServerOptions {
  /** A PostgreSQL role that may create roles and databases (the embedded superuser, or the operator's). */
  adminUrl: string;
  /** The role Temporal connects as: created (or its password set) here, owner of Temporal's two databases. */
  user: string;
  password: string;
  /** Rendered config, port assignment and the server's log. */
  dataDir: string;
  namespace: string;
  /** Days a closed workflow's history stays in Temporal (Mutu archives its own copy in PostgreSQL). */
  retentionDays?: number;
  log: ProvisionLog;
  env?: NodeJS.ProcessEnv;
}

export interface TemporalServerHandle {
  address: string;
  namespace: string;
  source: 'temporal-server';
  /** Milliseconds from spawn to a healthy frontend, last start. */
  startMs: number;
  pid(): number | undefined;
  /** Stops the server and starts it again on the same ports and databases. */
  restart(signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

const PORT_NAMES = ['FRONTEND', 'FRONTEND_HTTP', 'FRONTEND_MEMBERSHIP', 'MATCHING', 'MATCHING_MEMBERSHIP', 'HISTORY', 'HISTORY_MEMBERSHIP', 'WORKER', 'WORKER_MEMBERSHIP'] as const;
const DATABASES = { DB_NAME: 'temporal', VISIBILITY_DB_NAME: 'temporal_visibility' } as const;

/**
 * A Temporal server persisting to PostgreSQL: its role and databases, their schemas (set up and
 * updated by the schema tool), a config rendered from deploy/temporal, the namespace and Mutu's
 * search attributes. Ports are chosen once and kept in the data directory.
 */
export async function provisionTemporalServer(options: TemporalServerOptions): Promise<TemporalServerHandle> {
  const env = options.env ?? process.env;
  const bins = resolveTemporalServer(options.log, env);
  if (!DEPLOY_DIR) throw new Error('deploy/temporal/config.template.yaml is missing from this checkout');
  const db = new URL(options.adminUrl);
  await ensureRoleAndDatabases(options.adminUrl, options.user, options.password);
  const schemaLines = updateSchemas(bins.sql, { host: db.hostname, port: db.port || '5432', user: options.user, password: options.password });
  options.log(`Temporal schema: ${schemaLines.join('; ')}`);

  const dataDir = resolve(options.dataDir);
  const configDir = join(dataDir, 'config');
  mkdirSync(configDir, { recursive: true });
  const ports = await assignPorts(join(dataDir, 'ports.json'));
  const dynamicConfig = join(configDir, 'dynamicconfig.yaml');
  writeFileSync(dynamicConfig, readFileSync(join(DEPLOY_DIR, 'dynamicconfig.yaml')));
  const values: Record<string, string> = {
    LOG_LEVEL: 'warn',
    DB_HOST: db.hostname,
    DB_PORT: db.port || '5432',
    DB_USER: options.user,
    DB_PASSWORD: options.password,
    BIND_IP: '127.0.0.1',
    DYNAMIC_CONFIG_FILE: dynamicConfig,
    ...DATABASES,
    ...Object.fromEntries(PORT_NAMES.map((name) => [`${name}_PORT`, String(ports[name])])),
  };
  writeFileSync(join(configDir, 'production.yaml'), renderTemplate(readFileSync(join(DEPLOY_DIR, 'config.template.yaml'), 'utf8'), values), { mode: 0o600 });
  const address = `127.0.0.1:${ports.FRONTEND}`;

  let child: ChildProcess | undefined;
  const logFile = join(dataDir, 'temporal-server.log');
  const start = async (): Promise<number> => {
    const started = Date.now();
    const out = createWriteStream(logFile, { flags: 'a' });
    await new Promise((r) => out.once('open', r));
    child = spawn(bins.server, ['--root', dataDir, '--config', 'config', '--env', 'production', '--allow-no-auth', 'start'], {
      stdio: ['ignore', out, out],
    });
    const exited = new Promise<never>((_, reject) =>
      child!.once('exit', (code, signal) => reject(new Error(`Temporal server exited (${signal ?? code}) while starting; see ${logFile}`))),
    );
    exited.catch(() => undefined);
    await Promise.race([waitForPort(ports.FRONTEND, '127.0.0.1', 120_000), exited]);
    await Promise.race([waitForHealthy(address, env, options.log), exited]);
    return Date.now() - started;
  };
  let startMs = await start();
  const cli = resolveTemporalCli(() => undefined, env);
  await registerNamespace(cli.path, address, options.namespace, options.retentionDays ?? 7);
  options.log(
    `Temporal: server v${TEMPORAL_SERVER_VERSION} on ${address} (${bins.source}), persisting to PostgreSQL ` +
      `(${DATABASES.DB_NAME}, ${DATABASES.VISIBILITY_DB_NAME} as ${options.user}), ready in ${startMs} ms; namespace ${options.namespace} with Mutu's search attributes`,
  );
  return {
    address,
    namespace: options.namespace,
    source: 'temporal-server',
    get startMs() {
      return startMs;
    },
    pid: () => child?.pid,
    async restart(signal: NodeJS.Signals = 'SIGTERM') {
      if (child && child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child!.once('exit', r));
        if (signal === 'SIGTERM') await stopChild(child, 15_000);
        else child.kill(signal);
        await gone;
      }
      startMs = await start();
    },
    stop: async () => {
      if (child) await stopChild(child, 15_000);
    },
  };
}

/** Replaces every {{NAME}}; a name without a value, or a value never used, is a mistake in the template. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  const used = new Set<string>();
  const out = template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`deploy/temporal template: no value for {{${name}}}`);
    used.add(name);
    // Values sit inside double quotes in the template (ports are digits): escape what would end them.
    return values[name].replace(/[\\"]/g, (c) => `\\${c}`);
  });
  const unused = Object.keys(values).filter((k) => !used.has(k));
  if (unused.length > 0) throw new Error(`deploy/temporal template: never uses ${unused.join(', ')}`);
  return out;
}

async function assignPorts(file: string): Promise<Record<(typeof PORT_NAMES)[number], number>> {
  if (existsSync(file)) {
    // The same ports as last time when they are all free (a restart finds the server where it was).
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Record<(typeof PORT_NAMES)[number], number>;
    if (PORT_NAMES.every((n) => typeof kept[n] === 'number') && (await Promise.all(PORT_NAMES.map((n) => canListen(kept[n])))).every(Boolean)) return kept;
  }
  const ports = {} as Record<(typeof PORT_NAMES)[number], number>;
  const taken = new Set<number>();
  for (const name of PORT_NAMES) {
    // Temporal keeps membership ports in a smallint column: they must stay below 32768, under the
    // kernel's ephemeral range that freePort draws from.
    const pick = name.endsWith('MEMBERSHIP') ? lowFreePort : () => freePort();
    let port = await pick();
    while (taken.has(port)) port = await pick();
    taken.add(port);
    ports[name] = port;
  }
  writeFileSync(file, JSON.stringify(ports, null, 2));
  return ports;
}

async function lowFreePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
  throw new Error('Temporal server: no free port between 20000 and 32000 for its membership listeners');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((res) => {
    const server = createServer();
    server.once('error', () => res(false));
    server.listen(port, '127.0.0.1', () => server.close(() => res(true)));
  });
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

async function ensureRoleAndDatabases(adminUrl: string, user: string, password: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const role = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
    const verb = role.rowCount === 0 ? 'CREATE' : 'ALTER';
    await admin.query(`${verb} ROLE ${quoteIdent(user)} LOGIN PASSWORD ${quoteLiteral(password)}`);
    for (const name of Object.values(DATABASES)) {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${quoteIdent(name)} OWNER ${quoteIdent(user)} ENCODING 'UTF8'`);
    }
  } finally {
    await admin.end();
  }
}

interface SqlTarget {
  host: string;
  port: string;
  user: string;
  password: string;
}

/** setup-schema -v 0.0 on a database without Temporal's version table, then update-schema to the newest. */
function updateSchemas(sqlTool: string, target: SqlTarget): string[] {
  const lines: string[] = [];
  for (const [name, schema] of [
    [DATABASES.DB_NAME, 'postgresql/v12/temporal'],
    [DATABASES.VISIBILITY_DB_NAME, 'postgresql/v12/visibility'],
  ] as const) {
    const env = { ...process.env, SQL_HOST: target.host, SQL_PORT: target.port, SQL_USER: target.user, SQL_PASSWORD: target.password, SQL_DATABASE: name, SQL_PLUGIN: 'postgres12' };
    const run = (args: string[]) => {
      const r = spawnSync(sqlTool, args, { env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`Temporal schema tool ${args[0]} on ${name} failed: ${(r.stderr || r.stdout).trim().slice(-2000)}`);
      return `${r.stdout}\n${r.stderr}`;
    };
    const setup = run(['setup-schema', '-v', '0.0']);
    const update = run(['update-schema', '--schema-name', schema]);
    const applied = (update.match(/---- Executing updates for version/g) ?? []).length;
    lines.push(`${name} ${/Skip version upgrade/.test(setup) ? 'exists' : 'set up'}, ${applied === 0 ? 'up to date' : `${applied} updates applied`}`);
  }
  return lines;
}

async function waitForHealthy(address: string, env: NodeJS.ProcessEnv, log: ProvisionLog): Promise<void> {
  const cli = resolveTemporalCli(() => undefined, env);
  if (!cli.path) {
    log('Temporal: no `temporal` CLI to ask for the cluster health; the open frontend port has to do');
    return;
  }
  const deadline = Date.now() + 120_000;
  for (;;) {
    const r = spawnSync(cli.path, ['operator', 'cluster', 'health', '--address', address], { encoding: 'utf8', timeout: 10_000 });
    if (r.status === 0 && /SERVING/.test(r.stdout)) return;
    if (Date.now() > deadline) throw new Error(`Temporal server on ${address} is not healthy: ${(r.stderr || r.stdout).trim()}`);
    await new Promise((res) => setTimeout(res, 500));
  }
}

/** Creates the namespace and Mutu's search attributes unless they exist (the CLI says so, and that is fine). */
async function registerNamespace(cliPath: string | undefined, address: string, namespace: string, retentionDays: number): Promise<void> {
  if (!cliPath) throw new PrerequisiteError('Temporal: the `temporal` CLI is needed to register the namespace; see README (Prerequisites).');
  const run = (args: string[], okIf: RegExp) => {
    const r = spawnSync(cliPath, [...args, '--address', address], { encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0 && !okIf.test(`${r.stdout}${r.stderr}`)) throw new Error(`temporal ${args.join(' ')}: ${(r.stderr || r.stdout).trim()}`);
  };
  // Right after a first start the frontend may not know the cluster or the new namespace yet.
  const retrying = async (args: string[], okIf: RegExp) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        return run(args, okIf);
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  };
  await retrying(['operator', 'namespace', 'create', '--namespace', namespace, '--retention', `${retentionDays * 24}h`], /already (exists|registered)/i);
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) {
    await retrying(['operator', 'search-attribute', 'create', '--namespace', namespace, '--name', name, '--type', type], /already exists/i);
  }
}
