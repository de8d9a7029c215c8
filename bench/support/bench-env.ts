import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { consoleLog, provisionPostgres, provisionTemporal, type PostgresHandle, type TemporalHandle } from '@mutu/provisioning';
import { PROJECT_ROOT } from '@mutu/temporal';

export interface BenchEnv {
  pg?: PostgresHandle;
  temporal?: TemporalHandle;
  stop(): Promise<void>;
}

const running = new Set<() => Promise<void>>();

/** Registers what a benchmark started (servers, processes); returns the function that unregisters it. */
export function stopIfFailed(stop: () => Promise<void>): () => void {
  running.add(stop);
  return () => running.delete(stop);
}

/** Stops everything still registered: a benchmark that failed did not reach its own cleanup. */
export async function stopAfterFailure(): Promise<void> {
  await Promise.all([...running].map((stop) => stop().catch(() => undefined)));
}

/** Provisions a throwaway PostgreSQL and/or Temporal dev server for one benchmark run. */
export async function benchEnv(needs: { postgres?: boolean; temporal?: boolean }): Promise<BenchEnv> {
  const env: BenchEnv = { stop: async () => undefined };
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch(() => undefined);
  };
  const unregister = stopIfFailed(stopAll);
  env.stop = async () => {
    unregister();
    await stopAll();
  };
  if (needs.postgres) {
    env.pg = await provisionPostgres({ databaseUrl: process.env.DATABASE_URL, log: consoleLog });
    stops.push(() => env.pg!.stop());
  }
  if (needs.temporal) {
    env.temporal = await provisionTemporal({ address: process.env.TEMPORAL_ADDRESS, namespace: 'default', log: consoleLog });
    stops.push(() => env.temporal!.stop());
  }
  // An interrupted benchmark still stops what it provisioned (no orphan servers).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void env.stop().finally(() => process.exit(130)));
  }
  return env;
}

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  target?: string;
  pass?: boolean;
}

/** Prints the rows as a table and writes bench/results/<name>.json with every figure. */
export function report(name: string, rows: BenchRow[], extra: Record<string, unknown> = {}): void {
  const table = rows.map((r) => ({
    metric: r.name,
    value: `${round(r.value)} ${r.unit}`,
    baseline: r.baseline ? `${round(r.baseline.value)} (${r.baseline.name})` : '',
    ratio: r.baseline && r.baseline.value ? round(r.value / r.baseline.value) : '',
    target: r.target ?? '',
    pass: r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
  }));
  console.table(table);
  const dir = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${name}.json`),
    JSON.stringify({ benchmark: name, measuredAt: new Date().toISOString(), node: process.version, command: `npm run bench -- ${[name, ...process.argv.slice(3)].join(' ')}`, machine: machine(), rows, ...extra }, null, 2) + '\n',
  );
}

/** The machine the figures come from: it is shared, so its load at the end is part of the result. */
function machine() {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverage: loadavg() };
}

function round(n: number): number {
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
}

/** Percentile of a sorted-or-not array of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
