import { loadConfig } from '@mutu/config';
import { benchEnv, report, type BenchRow } from './support/bench-env';
import { runBareBurst } from './support/bare-burst';
import { runBurst } from './support/burst';
import { dispatcherThroughput } from './support/dispatcher-throughput';
import { runNational } from './support/national';

/**
 * `npm run bench -- reminders [programs] [emails]` (env BENCH_PROGRAMS, BENCH_EMAILS), dev server:
 * 1. The 08:00 burst: `programs` (default 5,000) programs whose reminder falls due at the same
 *    instant a few minutes ahead on the real clock (BENCH_BURST_LEAD_S: how far at least). Per
 *    reminder, lateness from the due instant to its event recorded and to its email received by a
 *    local SMTP server; every reminder recorded and emailed once; the worker process's RSS and CPU
 *    while the programs wait and during the burst, against the same process idle. The baseline of
 *    the lateness: as many bare timers due at one instant on the same server, each completing in
 *    the task it wakes (bench/support/bare-burst.ts), run first.
 * 2. Dispatcher throughput (emails/s through the outbox) against raw nodemailer sends.
 *
 * `npm run bench -- reminders national [programs]` (default 2,000): programs waiting on timers
 * against Temporal on PostgreSQL; worker RSS and CPU, and the Temporal and Mutu databases' size per
 * program (writes bench/results/reminders-national.json).
 */
const LATENESS_TARGET_S = 30;
const MiB = 2 ** 20;

export async function main(args: string[]): Promise<void> {
  const run = Date.now().toString(36);
  if (args[0] === 'national') return national(Number(args[1] ?? process.env.BENCH_PROGRAMS ?? 2_000), run);
  const programs = Number(args[0] ?? process.env.BENCH_PROGRAMS ?? 5_000);
  const emails = Number(args[1] ?? process.env.BENCH_EMAILS ?? 2_000);
  const env = await benchEnv({ postgres: true, temporal: true });
  try {
    // The floor first: as many bare timers at one instant, on the same server (bare-burst.ts).
    const bare = await runBareBurst({ temporalAddress: env.temporal!.address, count: programs, run });
    const b = await runBurst({ pgUrl: env.pg!.url, temporalAddress: env.temporal!.address, programs, run, workerEnv: {} });
    const d = await dispatcherThroughput(env.pg!.url, emails, run);
    const config = loadConfig(process.env);
    const bareName = `bare timers: ${bare.count} workflows due at one instant, each completing in the task its timer wakes`;
    const bareP50 = { name: `${bareName}, p50`, value: bare.p50 };
    const bareP99 = { name: `${bareName}, p99`, value: bare.p99 };
    const rows: BenchRow[] = [
      { name: `burst: reminders recorded (ReminderIssued events) of ${programs} due at one instant`, value: b.recorded.count, unit: 'events', target: `= ${programs}`, pass: b.recorded.count === programs },
      { name: `burst: reminders emailed (distinct Message-IDs received)`, value: b.emailed.distinctMessageIds, unit: 'emails', target: `= ${programs}, no duplicate`, pass: b.emailed.distinctMessageIds === programs && b.emailed.duplicates === 0 },
      { name: 'burst: lateness due → recorded, p50', value: b.recorded.p50, unit: 's', baseline: bareP50 },
      { name: 'burst: lateness due → recorded, p99', value: b.recorded.p99, unit: 's', baseline: bareP99, target: `≤ ${LATENESS_TARGET_S} s`, pass: b.recorded.p99 <= LATENESS_TARGET_S },
      { name: 'burst: lateness due → emailed, p50', value: b.emailed.p50, unit: 's', baseline: bareP50 },
      { name: 'burst: lateness due → emailed, p99', value: b.emailed.p99, unit: 's', baseline: bareP99, target: `≤ ${LATENESS_TARGET_S} s`, pass: b.emailed.p99 <= LATENESS_TARGET_S },
      { name: `burst: worker RSS max (due instant → last email, ${Math.round(b.burst.seconds)} s)`, value: b.burst.rssMaxMiB, unit: 'MiB', baseline: { name: 'same process idle', value: b.idle.rssMaxMiB } },
      { name: 'burst: worker CPU (due instant → last email)', value: b.burst.cpuPercent, unit: '% of a core', baseline: { name: 'same process idle', value: b.idle.cpuPercent } },
      ...(b.temporalCpuPercent === undefined ? [] : [{ name: 'burst: Temporal dev server CPU (same window)', value: b.temporalCpuPercent, unit: '% of a core' }]),
      { name: 'burst: worker CPU per reminder (recorded + emailed)', value: (b.burst.cpuSeconds * 1000) / programs, unit: 'ms' },
      { name: `worker RSS, ${programs} programs waiting before the burst`, value: b.waiting.rssMaxMiB, unit: 'MiB', baseline: { name: 'same process idle', value: b.idle.rssMaxMiB }, target: '≤ 1024 MiB', pass: b.waiting.rssMaxMiB <= 1024 },
      { name: `worker CPU, ${programs} programs waiting before the burst`, value: b.waiting.cpuPercent, unit: '% of a core', baseline: { name: 'same process idle', value: b.idle.cpuPercent }, target: '≈ idle', pass: b.waiting.cpuPercent <= b.idle.cpuPercent + 5 },
      { name: 'programs appended + started (from a carried state)', value: programs / (b.setup.appendSeconds + b.setup.startSeconds), unit: 'programs/s' },
      { name: `dispatcher throughput (${emails} emails, outbox → SMTP)`, value: d.dispatchPerSecond, unit: 'emails/s', baseline: { name: 'raw nodemailer, no outbox', value: d.rawPerSecond }, pass: d.sent === emails && d.rawReceived === emails },
    ];
    report('reminders', rows, {
      programs, emails, burst: b, bareBurst: bare, dispatcher: d,
      worker: { maxCachedWorkflows: config.WORKER_CACHED_WORKFLOWS, databasePoolSize: config.DATABASE_POOL_SIZE },
      note: 'worker = apps/worker main in its own process, its outbox dispatcher sending to a local SMTP server; RSS and CPU from /proc; lateness = event recorded_at / SMTP receipt minus the due instant (08:00 local of the programs\' zone)',
    });
  } finally {
    await env.stop();
  }
}

async function national(programs: number, run: string): Promise<void> {
  const n = await runNational(programs, run);
  const per = (db: string) => (n.sizes.after[db] - n.sizes.before[db]) / programs / 1024;
  const rows: BenchRow[] = [
    { name: `programs with their schedule (waiting on timers)`, value: n.scheduled, unit: 'programs', target: `= ${programs}`, pass: n.scheduled === programs },
    { name: `worker RSS (max in 30 s), ${programs} programs waiting on timers`, value: n.waiting.rssMaxMiB, unit: 'MiB', baseline: { name: 'same process idle', value: n.idle.rssMaxMiB }, target: '≤ 1024 MiB', pass: n.waiting.rssMaxMiB <= 1024 },
    { name: `worker CPU, ${programs} programs waiting on timers`, value: n.waiting.cpuPercent, unit: '% of a core', baseline: { name: 'same process idle', value: n.idle.cpuPercent }, target: '≈ idle', pass: n.waiting.cpuPercent <= n.idle.cpuPercent + 5 },
    { name: 'Temporal database (temporal) per program', value: per('temporal'), unit: 'KiB', baseline: { name: `database before the programs, MiB`, value: n.sizes.before.temporal / MiB } },
    { name: 'Temporal visibility database per program', value: per('temporal_visibility'), unit: 'KiB', baseline: { name: `database before the programs, MiB`, value: n.sizes.before.temporal_visibility / MiB } },
    { name: 'Mutu database per program', value: per('mutu'), unit: 'KiB', baseline: { name: `database before the programs, MiB`, value: n.sizes.before.mutu / MiB } },
    { name: 'programs appended + started (from a carried state)', value: programs / (n.appendSeconds + n.startSeconds), unit: 'programs/s' },
  ];
  report('reminders-national', rows, { ...n, command: `npm run bench -- reminders national ${programs}`, note: 'Temporal server v1.29 on PostgreSQL (provisionTemporalServer), embedded PostgreSQL with a data directory (fsync on); worker = apps/worker main in its own process' });
}
