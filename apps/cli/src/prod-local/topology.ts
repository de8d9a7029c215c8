import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONFIG_VARIABLES } from '@mutu/config';
import { createDataSource, migrate } from '@mutu/persistence';
import { ensureApplicationRole, freePort, provisionPostgres, provisionTemporalServer, type PostgresHandle, type ProvisionLog, type TemporalServerHandle } from '@mutu/provisioning';
import { prepareArtifact } from './artifact';
import { ensureOwnerRole, OWNER_ROLE } from './database-roles';
import { startProxy, type RunningProxy } from './proxy';
import { Replica } from './replica';
import { loadOrCreateSecrets, type ProdSecrets } from './secrets';

export interface TopologyOptions {
  /** The checkout, built (`node scripts/build.js`). */
  root: string;
  /** State of this topology: secrets, PostgreSQL, Temporal's config, evidence, logs. */
  dir: string;
  artifactDir: string;
  /** A role that may create roles and databases; unset = embedded PostgreSQL in dir. */
  databaseUrl?: string;
  host: string;
  port: number;
  apiReplicas: number;
  workerReplicas: number;
  seedDemoData: boolean;
  namespace: string;
  taskQueue: string;
  /** Passed on to the replicas when set (SMTP_*, CHROMIUM_PATH, …): every variable the config schema knows. */
  env: NodeJS.ProcessEnv;
  log: ProvisionLog;
}

export interface Topology {
  url: string;
  dir: string;
  secrets: ProdSecrets;
  /** The application role's URL (what the replicas use) and the owner's (migrations). */
  appDatabaseUrl: string;
  ownerDatabaseUrl: string;
  pg: PostgresHandle;
  temporal: TemporalServerHandle;
  apis: Replica[];
  workers: Replica[];
  proxy: RunningProxy;
  /** Every process this topology started that is running now (PostgreSQL's postmaster excluded). */
  pids(): number[];
  stop(): Promise<void>;
}

/** Variables the replicas must not take from the caller's environment: the topology decides them. */
const DECIDED = new Set(['NODE_ENV', 'DATABASE_URL', 'DATABASE_OWNER_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'TEMPORAL_TASK_QUEUE', 'API_HOST', 'API_PORT', 'DATA_DIR', 'STORAGE_DIR', 'SEED_DEMO_DATA']);

/**
 * The production topology as processes: PostgreSQL with an owner and an application role, a
 * Temporal server persisting to it, the migrations run as the owner, API and worker replicas
 * started from the pruned artifact with NODE_ENV=production, and one port in front of the APIs.
 * Whatever fails half-way is stopped again before the error is thrown.
 */
export async function startTopology(options: TopologyOptions): Promise<Topology> {
  const { log } = options;
  const dir = resolve(options.dir);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => log(`stop failed: ${e instanceof Error ? e.message : String(e)}`));
    stops.length = 0;
  };
  try {
    const secretsFile = join(dir, 'secrets.json');
    const { secrets, created } = loadOrCreateSecrets(secretsFile);
    log(`secrets: ${created.length > 0 ? `generated ${created.join(', ')} into` : 'read from'} ${secretsFile} (mode 0600)`);
    const artifact = await prepareArtifact(options.root, resolve(options.artifactDir), log);

    const pg = await provisionPostgres({ databaseUrl: options.databaseUrl, dataDir: join(dir, 'pg'), log, env: options.env });
    stops.push(() => pg.stop());
    const ownerUrl = await ensureOwnerRole(pg.url, secrets.ownerDbPassword);
    // The login role joins the group role the migrations grant to (events: INSERT and SELECT only).
    const app = await ensureApplicationRole(pg.url, { dataDir: dir, log: () => undefined });
    const appUrl = app.url;
    log(`database roles: ${OWNER_ROLE} owns the schema and runs the migrations; ${app.role} is what the API and workers connect as (events: INSERT and SELECT only)`);

    const temporal = await provisionTemporalServer({
      adminUrl: pg.url,
      user: 'temporal',
      password: secrets.temporalDbPassword,
      dataDir: join(dir, 'temporal'),
      namespace: options.namespace,
      log,
      env: options.env,
    });
    stops.push(() => temporal.stop());

    const ds = createDataSource({ url: ownerUrl, poolSize: 2, applicationName: 'mutu-migrate' });
    await ds.initialize();
    try {
      const applied = await migrate(ds);
      log(`migrations (as ${OWNER_ROLE}): ${applied.length === 0 ? 'schema up to date' : `applied ${applied.length}`}`);
    } finally {
      await ds.destroy();
    }

    const logDir = join(dir, 'logs');
    mkdirSync(logDir, { recursive: true });
    const passed = Object.fromEntries(CONFIG_VARIABLES.filter((k) => !DECIDED.has(k) && options.env[k]).map((k) => [k, options.env[k]]));
    const env: NodeJS.ProcessEnv = {
      PATH: options.env.PATH,
      HOME: options.env.HOME,
      ...passed,
      NODE_ENV: 'production',
      DATABASE_URL: appUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: options.namespace,
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      API_HOST: '127.0.0.1',
      DATA_DIR: join(dir, 'data'),
      STORAGE_DIR: join(dir, 'evidence'),
      JWT_SECRET: secrets.JWT_SECRET,
      AUDIT_SIGNING_KEY: secrets.AUDIT_SIGNING_KEY,
      COMMAND_SIGNING_KEY: secrets.COMMAND_SIGNING_KEY,
      WEBHOOK_SECRET: secrets.WEBHOOK_SECRET,
      SEED_DEMO_DATA: 'false',
      MUTU_WORKFLOW_BUNDLE: artifact.workflowBundle,
    };
    const replica = (role: 'api' | 'worker', i: number, port?: number, extra: NodeJS.ProcessEnv = {}) =>
      new Replica({ name: `${role}-${i + 1}`, role, cwd: artifact.dir, entry: role === 'api' ? artifact.apiEntry : artifact.workerEntry, env: { ...env, ...extra }, port, logDir, log });
    const seed = options.seedDemoData ? { SEED_DEMO_DATA: 'true', DEMO_PASSWORD: secrets.DEMO_PASSWORD } : {};
    const workers = Array.from({ length: options.workerReplicas }, (_, i) => replica('worker', i));
    const apis: Replica[] = [];
    // The first API seeds (when asked) alone; the others start once it is ready.
    for (let i = 0; i < options.apiReplicas; i++) apis.push(replica('api', i, await freePort(), i === 0 ? seed : {}));
    stops.push(() => Promise.all([...apis, ...workers].map((r) => r.stop())).then(() => undefined));
    const started = Date.now();
    await Promise.all([...workers.map((w) => w.start()), apis[0].start()]);
    await Promise.all(apis.slice(1).map((a) => a.start()));
    log(
      `replicas: ${apis.map((a) => `${a.spec.name} :${a.spec.port}`).join(', ')}, ${workers.map((w) => w.spec.name).join(', ')} ` +
        `from ${artifact.dir} (NODE_ENV=production), ready in ${((Date.now() - started) / 1000).toFixed(1)} s; logs in ${logDir}`,
    );

    const proxy = await startProxy({ host: options.host, port: options.port, upstreams: apis.map((a) => ({ name: a.spec.name, port: () => a.port() })), maxBodyBytes: 64 * 1024 * 1024 });
    stops.push(() => proxy.close());
    const url = `http://${options.host}:${proxy.port}`;
    const runtimeFile = join(dir, 'runtime.json');
    const pids = () => [temporal.pid(), ...apis.map((a) => a.pid()), ...workers.map((w) => w.pid())].filter((p): p is number => p !== undefined);
    writeFileSync(runtimeFile, JSON.stringify({ url, pid: process.pid, DATABASE_URL: appUrl, TEMPORAL_ADDRESS: temporal.address, pids: pids() }, null, 2), { mode: 0o600 });
    stops.push(async () => rmSync(runtimeFile, { force: true }));
    log(`proxy: ${url} → round robin over ${apis.length} API replicas, failover to a live one`);
    return { url, dir, secrets, appDatabaseUrl: appUrl, ownerDatabaseUrl: ownerUrl, pg, temporal, apis, workers, proxy, pids, stop: stopAll };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
