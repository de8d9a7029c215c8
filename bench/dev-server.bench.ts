import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { provisionTemporal, silentLog } from '@mutu/provisioning';
import { report, type BenchRow } from './support/bench-env';

/**
 * The dev server's SQLite settings: starts of workflows per second with a persistent database
 * file, default pragmas vs WAL + synchronous=NORMAL, measured back to back in one run.
 */
async function measure(tune: boolean, starts: number, concurrency: number) {
  const dbFile = join(mkdtempSync(join(tmpdir(), 'mutu-sqlite-')), 'temporal.db');
  const server = await provisionTemporal({ namespace: 'default', dbFile, tuneSqlite: tune, log: silentLog });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < starts) {
        const i = next++;
        await client.workflow.start('benchNoop', { taskQueue: 'bench-nobody-polls', workflowId: `bench-${tune}-${i}` });
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await connection.close();
  await server.stop();
  return { startMs: server.startMs ?? 0, perSecond: starts / seconds };
}

export async function main(args: string[]): Promise<void> {
  const starts = Number(args[0] ?? process.env.SQLITE_BENCH_STARTS ?? 1000);
  const concurrency = 16;
  const plain = await measure(false, starts, concurrency);
  const tuned = await measure(true, starts, concurrency);
  const rows: BenchRow[] = [
    { name: 'dev server ready (default SQLite)', value: plain.startMs, unit: 'ms' },
    { name: 'dev server ready (WAL, synchronous=NORMAL)', value: tuned.startMs, unit: 'ms' },
    { name: `workflow starts/s, WAL + NORMAL (${starts}, ${concurrency} concurrent)`, value: tuned.perSecond, unit: 'starts/s', baseline: { name: 'default pragmas', value: plain.perSecond } },
  ];
  report('dev-server', rows, { starts, concurrency });
}
