import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfigOrExit } from '@mutu/config';
import { createDataSource, DEMO_PASSWORD, loadCommandSigningKey, migrate, seedDemoData } from '@mutu/persistence';
import { consoleLog, ensureApplicationRole, ensurePortFree, PrerequisiteError, provisionPostgres, provisionTemporal, stopChild } from '@mutu/provisioning';
import { PROJECT_ROOT, WORKER_NODE_FLAGS } from '@mutu/temporal';
import { playDemoYearWhenUp } from '../demo/demo-year';

/**
 * Provisions PostgreSQL and Temporal (unless configured), migrates, then runs the worker and the
 * API as supervised children. Ctrl-C (or SIGTERM) stops them and everything provisioned, in order.
 */
export async function startCommand(): Promise<void> {
  const config = loadConfigOrExit();
  const log = consoleLog;
  const dataDir = resolve(PROJECT_ROOT, config.DATA_DIR);
  const stops: (() => Promise<void>)[] = [];
  const children: ChildProcess[] = [];
  let stopping = false;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(children.map((c) => stopChild(c, 15_000)));
    for (const stop of stops.reverse()) await stop().catch((e) => log(`stop failed: ${String(e)}`));
    log('stopped');
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stopAll(0));

  try {
    const pg = await provisionPostgres({ databaseUrl: config.DATABASE_URL, dataDir: join(dataDir, 'pg'), log });
    stops.push(() => pg.stop());
    const temporal = await provisionTemporal({
      address: config.TEMPORAL_ADDRESS,
      namespace: config.TEMPORAL_NAMESPACE,
      dbFile: join(dataDir, 'temporal.db'),
      ui: true,
      uiPort: config.TEMPORAL_UI_PORT,
      log,
      env: process.env,
    });
    stops.push(() => temporal.stop());

    // Migrations and the demo seed run as the owner role; the worker and the API as the
    // application role, which may INSERT and SELECT events and nothing else.
    const ownerUrl = config.DATABASE_OWNER_URL ?? pg.url;
    const ds = createDataSource({ url: ownerUrl, poolSize: 2 });
    await ds.initialize();
    const applied = await migrate(ds);
    log(`migrations: ${applied.length === 0 ? 'schema up to date' : `applied ${applied.join(', ')}`}`);
    if (config.SEED_DEMO_DATA) await seedDemoData(ds, { ...config, log });
    await ds.destroy();

    const appUrl = pg.source === 'embedded' ? (await ensureApplicationRole(pg.url, { dataDir, log })).url : pg.url;
    // Made once here, so the worker and the API read the same development key.
    loadCommandSigningKey({ COMMAND_SIGNING_KEY: config.COMMAND_SIGNING_KEY, NODE_ENV: config.NODE_ENV, dataDir, log });
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: appUrl, TEMPORAL_ADDRESS: temporal.address, SEED_DEMO_DATA: 'false' };
    delete env.DATABASE_OWNER_URL;
    // Lets `npm run mutu -- …` in another terminal find this stack's database and Temporal.
    const runtimeFile = join(dataDir, 'runtime.json');
    writeFileSync(runtimeFile, JSON.stringify({ DATABASE_URL: appUrl, TEMPORAL_ADDRESS: temporal.address, pid: process.pid }, null, 2));
    stops.unshift(async () => rmSync(runtimeFile, { force: true }));
    const register = join(PROJECT_ROOT, 'scripts', 'register-dist.js');
    const run = (name: string, entry: string, nodeFlags: readonly string[] = []) => {
      const child = spawn(process.execPath, [...nodeFlags, '-r', register, join(PROJECT_ROOT, 'dist', entry)], { env, stdio: 'inherit' });
      child.once('exit', (code, signal) => {
        if (!stopping) {
          log(`${name} exited (${signal ?? code}); stopping the rest`);
          void stopAll(1);
        }
      });
      children.push(child);
    };
    await ensurePortFree(config.API_PORT, 'API: the port', 'API_PORT', config.API_HOST);
    run('worker', 'apps/worker/src/main.js', WORKER_NODE_FLAGS);
    run('api', 'apps/api/src/main.js');
    const api = `http://${config.API_HOST}:${config.API_PORT}`;
    log(`Web app    ${api}/app/`);
    log(`API        ${api}`);
    log(`OpenAPI    ${api}/docs`);
    if (temporal.uiUrl) log(`Temporal UI ${temporal.uiUrl}`);
    log('demo users: see README (password "mutu-demo-2026"); Ctrl-C stops everything');
    // The demo budget year (programs, spending, statutory reports) is played through the API once it answers.
    if (config.SEED_DEMO_DATA && config.NODE_ENV !== 'production') void playDemoYearWhenUp(api, config.DEMO_PASSWORD ?? DEMO_PASSWORD, log);
  } catch (e) {
    // One sentence on what failed; the stack only when asked for (LOG_LEVEL=debug).
    if (e instanceof PrerequisiteError) log(e.message);
    else log(`start failed: ${e instanceof Error ? (config.LOG_LEVEL === 'debug' ? (e.stack ?? e.message) : e.message) : String(e)}`);
    await stopAll(1);
  }
}
