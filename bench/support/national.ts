// N programs waiting on their deadline timers against the production topology's storage: a
// PostgreSQL with durable settings (a data directory of its own, fsync on) holding Mutu's database
// and a Temporal server persisting to it (provisionTemporalServer, as `npm run prod:local` starts
// it). Prints the worker's RSS and CPU against the same process idle, and each database's size per
// program against its size before the programs (same run).
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Client, Connection } from '@temporalio/client';
import { consoleLog, provisionPostgres, provisionTemporalServer } from '@mutu/provisioning';
import { stopIfFailed } from './bench-env';
import { seedSchools, startBenchPrograms, waitForSchedules } from './bench-programs';
import { sampleProcess, startWorkerProcess, waitUntilQuiet, type ProcessWindow } from './worker-process';

const DATABASES = ['temporal', 'temporal_visibility'] as const;

export interface NationalResult {
  programs: number;
  idle: ProcessWindow;
  waiting: ProcessWindow;
  /** Bytes of each database before the programs and after them. */
  sizes: { before: Record<string, number>; after: Record<string, number> };
  appendSeconds: number;
  startSeconds: number;
  schedulesSeconds: number;
  settleSeconds: number;
  scheduled: number;
  postgresSettings: Record<string, string>;
}

async function sizes(ds: DataSource, mutu: string): Promise<Record<string, number>> {
  const rows: { name: string; bytes: string }[] = await ds.query(
    `SELECT datname AS name, pg_database_size(datname)::bigint AS bytes FROM pg_database WHERE datname = ANY($1)`,
    [[mutu, ...DATABASES]],
  );
  return Object.fromEntries(rows.map((r) => [r.name === mutu ? 'mutu' : r.name, Number(r.bytes)]));
}

export async function runNational(programs: number, run: string): Promise<NationalResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mutu-national-'));
  chmodSync(dir, 0o755); // open to the account embedded PostgreSQL runs as
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  const unregister = stopIfFailed(stopAll);
  try {
    const pg = await provisionPostgres({ dataDir: join(dir, 'pg'), log: consoleLog });
    stops.push(() => pg.stop());
    const temporal = await provisionTemporalServer({ adminUrl: pg.url, user: 'temporal', password: randomBytes(12).toString('hex'), dataDir: join(dir, 'temporal'), namespace: 'default', log: consoleLog });
    stops.push(() => temporal.stop());
    const taskQueue = `bench-national-${run}`;
    const worker = await startWorkerProcess({
      ...process.env, DATABASE_URL: pg.url, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: taskQueue,
      LOG_LEVEL: 'error', NODE_ENV: 'development', SEED_DEMO_DATA: 'false',
    });
    stops.push(() => worker.stop());
    const ds = new DataSource({ type: 'postgres', url: pg.url, poolSize: 8 });
    await ds.initialize();
    stops.push(() => ds.destroy());
    const connection = await Connection.connect({ address: temporal.address });
    stops.push(() => connection.close());
    const [{ db }] = await ds.query('SELECT current_database() AS db');
    const settings: { name: string; setting: string }[] = await ds.query(
      `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections', 'full_page_writes')`,
    );

    // The schools and their principals exist before their programs: not counted per program.
    const prefix = `national-${run}`;
    const schools = { prefix, count: programs, regionId: `reg-national-${run}`, timeZone: 'Asia/Jakarta' };
    await seedSchools(ds, schools);
    await ds.query('CHECKPOINT');
    await new Promise((r) => setTimeout(r, 5_000));
    const idle = await sampleProcess(worker.pid, 20_000);
    const before = await sizes(ds, db);

    // Budget year next year with the general policy: every reminder lies months ahead.
    const t0 = Date.now();
    const { appendSeconds, startSeconds } = await startBenchPrograms({
      ...schools, ds, client: new Client({ connection }), taskQueue, budgetYear: new Date().getUTCFullYear() + 1, logEvery: 2_000,
    });
    // Schedules follow the starts at the worker's pace (about 30 programs/s on two cores): the wait
    // grows with the count, 60 ms per program and never under 30 minutes.
    const scheduled = await waitForSchedules(ds, prefix, programs, Math.max(1_800_000, programs * 60));
    const schedulesSeconds = (Date.now() - t0) / 1000 - appendSeconds - startSeconds;
    const settleSeconds = await waitUntilQuiet(worker.pid, { cpuPercent: idle.cpuPercent + 2, quietWindows: 3, timeoutMs: 900_000 });
    const waiting = await sampleProcess(worker.pid, 30_000);
    const after = await sizes(ds, db);
    return {
      programs, idle, waiting, sizes: { before, after }, appendSeconds, startSeconds, schedulesSeconds, settleSeconds, scheduled,
      postgresSettings: Object.fromEntries(settings.map((s) => [s.name, s.setting])),
    };
  } finally {
    unregister();
    await stopAll();
  }
}
