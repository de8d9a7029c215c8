// The 08:00 burst on the real clock: N programs whose reminder falls due at one instant a few
// minutes ahead (see burst-instant.ts), the worker as deployed (its own process, its outbox
// dispatcher sending to a local SMTP server). Per reminder: the due instant → its ReminderIssued
// event recorded in the event store, and → its email received by the SMTP server.
import { DataSource } from 'typeorm';
import { Client, Connection } from '@temporalio/client';
import { DeadlinePoliciesRepository, HolidaysRepository } from '@mutu/persistence';
import { percentile } from './bench-env';
import { seedSchools, startBenchPrograms, waitForSchedules } from './bench-programs';
import { planBurst } from './burst-instant';
import { startSmtpSink } from './smtp-sink';
import { cpuSecondsOf, findProcess, sampleProcess, startWorkerProcess, waitUntilQuiet, type ProcessWindow } from './worker-process';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Lateness {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface BurstResult {
  programs: number;
  at: string;
  timeZone: string;
  idle: ProcessWindow;
  waiting: ProcessWindow;
  burst: { cpuPercent: number; cpuSeconds: number; seconds: number; rssMaxMiB: number };
  /** The Temporal server process over the same window (% of a core), when found. */
  temporalCpuPercent?: number;
  recorded: Lateness;
  emailed: Lateness & { duplicates: number; outboxRows: number; distinctMessageIds: number };
  setup: { appendSeconds: number; startSeconds: number; schedulesSeconds: number; settleSeconds: number; leadSeconds: number };
  workerEnv: Record<string, string>;
}

function lateness(msLate: number[]): Lateness {
  const s = msLate.map((ms) => ms / 1000);
  return { count: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s.length ? Math.max(...s) : 0 };
}

export async function runBurst(opts: { pgUrl: string; temporalAddress: string; programs: number; run: string; workerEnv: Record<string, string> }): Promise<BurstResult> {
  const { programs, run } = opts;
  const prefix = `burst-${run}`;
  const regionId = `reg-burst-${run}`;
  const taskQueue = `bench-burst-${run}`;
  const sink = await startSmtpSink();
  const workerEnv = { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '', ...opts.workerEnv };
  const worker = await startWorkerProcess({
    ...process.env, DATABASE_URL: opts.pgUrl, TEMPORAL_ADDRESS: opts.temporalAddress, TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: 'error', NODE_ENV: 'development', SEED_DEMO_DATA: 'false', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port),
    ...Object.fromEntries(Object.entries(workerEnv).filter(([, v]) => v !== '')),
  });
  const ds = new DataSource({ type: 'postgres', url: opts.pgUrl, poolSize: 8 });
  await ds.initialize();
  const connection = await Connection.connect({ address: opts.temporalAddress });
  try {
    await sleep(5_000);
    const idle = await sampleProcess(worker.pid, 20_000);

    // Setup takes about 0.12 s a program on this (shared) machine; the burst must come after it.
    const leadSeconds = Number(process.env.BENCH_BURST_LEAD_S ?? Math.max(180, programs * 0.12));
    const now = new Date();
    const year = now.getUTCFullYear();
    const holidays = (await new HolidaysRepository(ds).forYears([year, year + 1])).map((h) => h.date);
    const plan = planBurst(now, new Date(now.getTime() + leadSeconds * 1000), holidays);
    const due = Date.parse(plan.at);
    console.log(`[bench] burst at ${plan.at} (08:00 ${plan.reminderDate} in ${plan.timeZone}, plan due ${plan.dueDate}), in ${Math.round((due - Date.now()) / 1000)} s`);
    await seedSchools(ds, { prefix, count: programs, regionId, timeZone: plan.timeZone });
    await new DeadlinePoliciesRepository(ds).publish(plan.policy, 'bench', 'the 08:00 burst', regionId);

    const client = new Client({ connection });
    const t0 = Date.now();
    const { appendSeconds, startSeconds } = await startBenchPrograms({ ds, client, taskQueue, prefix, count: programs, regionId, budgetYear: plan.budgetYear, timeZone: plan.timeZone });
    const scheduled = await waitForSchedules(ds, prefix, programs, due - Date.now() - 15_000);
    if (scheduled < programs) throw new Error(`only ${scheduled} of ${programs} programs had their schedule 15 s before the burst: raise BENCH_BURST_LEAD_S (was ${leadSeconds})`);
    const schedulesSeconds = (Date.now() - t0) / 1000 - appendSeconds - startSeconds;
    const settleSeconds = await waitUntilQuiet(worker.pid, { cpuPercent: idle.cpuPercent + 2, quietWindows: 2, timeoutMs: Math.max(0, due - Date.now() - 45_000) });
    const waiting = await sampleProcess(worker.pid, Math.max(5_000, Math.min(30_000, due - Date.now() - 5_000)));
    console.log(`[bench] ${programs} programs waiting; ${Math.round((due - Date.now()) / 1000)} s to the burst`);
    await sleep(Math.max(0, due - Date.now()));

    // --- the burst: until every reminder is recorded and emailed, or 15 minutes ---
    // The Temporal server's own CPU over the same window: the dev server (`--port <port>`).
    const temporalPid = findProcess(['--port', opts.temporalAddress.split(':')[1]]);
    const temporalCpu0 = temporalPid === undefined ? 0 : cpuSecondsOf(temporalPid);
    const cpu0 = cpuSecondsOf(worker.pid);
    let rssMaxMiB = 0;
    let recordedCount = 0;
    let lastProgress = Date.now();
    const countSql = `SELECT count(*)::int AS n FROM events WHERE type = 'ReminderIssued' AND stream_id LIKE $1`;
    while (Date.now() - due < 900_000) {
      const w = await sampleProcess(worker.pid, 2_000);
      rssMaxMiB = Math.max(rssMaxMiB, w.rssMaxMiB);
      [{ n: recordedCount }] = await ds.query(countSql, [`program-${prefix}-%`]);
      if (Date.now() - lastProgress > 10_000) {
        console.log(`[bench] +${Math.round((Date.now() - due) / 1000)} s: ${recordedCount} recorded, ${sink.received.length} emailed`);
        lastProgress = Date.now();
      }
      if (recordedCount >= programs && sink.received.length >= programs) break;
    }
    const burstSeconds = (Date.now() - due) / 1000;
    const cpuSeconds = cpuSecondsOf(worker.pid) - cpu0;
    const temporalCpuPercent = temporalPid === undefined ? undefined : ((cpuSecondsOf(temporalPid) - temporalCpu0) / burstSeconds) * 100;
    // A message sent twice would arrive after the others: give duplicates a moment to show.
    await sleep(5_000);

    const events: { recorded_at: Date }[] = await ds.query(`SELECT recorded_at FROM events WHERE type = 'ReminderIssued' AND stream_id LIKE $1`, [`program-${prefix}-%`]);
    const outbox: { message_id: string }[] = await ds.query(`SELECT message_id FROM notification_outbox WHERE program_id LIKE $1`, [`${prefix}-%`]);
    const ours = new Set(outbox.map((r) => r.message_id));
    const mails = sink.received.filter((m) => ours.has(m.messageId));
    const distinct = new Set(mails.map((m) => m.messageId));
    const firstArrival = new Map<string, number>();
    for (const m of mails) if (!firstArrival.has(m.messageId)) firstArrival.set(m.messageId, m.at);
    return {
      programs, at: plan.at, timeZone: plan.timeZone, idle, waiting,
      burst: { cpuPercent: (cpuSeconds / burstSeconds) * 100, cpuSeconds, seconds: burstSeconds, rssMaxMiB }, temporalCpuPercent,
      recorded: lateness(events.map((e) => new Date(e.recorded_at).getTime() - due)),
      emailed: { ...lateness([...firstArrival.values()].map((at) => at - due)), duplicates: mails.length - distinct.size, outboxRows: outbox.length, distinctMessageIds: distinct.size },
      setup: { appendSeconds, startSeconds, schedulesSeconds, settleSeconds, leadSeconds },
      workerEnv,
    };
  } finally {
    await connection.close();
    await worker.stop();
    await ds.destroy();
    await sink.close();
  }
}
