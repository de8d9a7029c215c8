import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { Client, Connection } from '@temporalio/client';
import { OutboxDispatcher, SmtpEmailSender, messageIdFor } from '@mutu/notifications';
import { decide, evolve, initialProgramState } from '@mutu/domain';
import { programWorkflow, programWorkflowId } from '@mutu/workflows';
import { loadConfig } from '@mutu/config';
import { benchEnv, report, type BenchRow } from './support/bench-env';
import { sampleProcess, startWorkerProcess, waitUntilQuiet, type WorkerProcess } from './support/worker-process';

/**
 * 1. The worker process (apps/worker, in a process of its own as deployed) while N programs
 *    (default 10,000) wait on their deadline timers (dev server): steady-state RSS and CPU, against
 *    the same process idle before any program existed (baseline, same run).
 * 2. Dispatcher throughput (emails/s through the outbox: claim, render, send, acknowledge) to a
 *    local SMTP server, against raw nodemailer sends of the same messages (baseline).
 * `npm run bench -- reminders [programs] [emails]`; env BENCH_PROGRAMS / BENCH_EMAILS.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const IDLE_WINDOW_MS = 20_000;
const WAITING_WINDOW_MS = 30_000;

async function parallel(n: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < n) await fn(next++); }));
}

export async function main(args: string[]): Promise<void> {
  const programs = Number(args[0] ?? process.env.BENCH_PROGRAMS ?? 10_000);
  const emails = Number(args[1] ?? process.env.BENCH_EMAILS ?? 2_000);
  const env = await benchEnv({ postgres: true, temporal: true });
  const run = Date.now().toString(36);
  const taskQueue = `bench-reminders-${run}`;
  let worker: WorkerProcess | undefined;
  try {
    // The worker as deployed: its own process, its outbox dispatcher on (nothing is due).
    worker = await startWorkerProcess({
      ...process.env, DATABASE_URL: env.pg!.url, TEMPORAL_ADDRESS: env.temporal!.address, TEMPORAL_TASK_QUEUE: taskQueue,
      LOG_LEVEL: 'error', NODE_ENV: 'development', SEED_DEMO_DATA: 'false', DATABASE_POOL_SIZE: '10',
    });
    const ds = new DataSource({ type: 'postgres', url: env.pg!.url, poolSize: 2 });
    await ds.initialize();
    await sleep(5_000);
    const idle = await sampleProcess(worker.pid, IDLE_WINDOW_MS);

    // --- N open programs, each waiting on its plan deadline timers (budget year next year) ---
    const connection = await Connection.connect({ address: env.temporal!.address });
    const client = new Client({ connection });
    const year = new Date().getUTCFullYear() + 1;
    const school = `sch-bench-${run}`;
    const actor = { userId: `bench-principal-${run}`, roles: ['principal'], schoolIds: [school], regionIds: [] };
    const created = Date.now();
    // Programs start from a carried state (as after continue-as-new) instead of a CreateProgram
    // Update: the worker then holds the same waiting program, for a fraction of the set-up time.
    await parallel(programs, 64, async (i) => {
      const programId = `bench-${run}-${i}`;
      const create = { commandId: `${programId}:create`, type: 'CreateProgram', actor, now: new Date().toISOString(),
        payload: { programId, schoolId: school, regionId: 'reg-bench', budgetYear: year, title: 'Bench', plan: { objectives: [], standard: null, indicators: [], activities: [] } } } as const;
      const state = decide(create as never, initialProgramState()).reduce(evolve, initialProgramState());
      await client.workflow.start(programWorkflow, {
        taskQueue, workflowId: programWorkflowId(programId),
        args: [{ programId, indexStage: false, carry: { state, version: 1, recentCommandIds: [create.commandId] } }],
      });
    });
    const createSeconds = (Date.now() - created) / 1000;
    await connection.close();
    // Every program has its schedule (the first activity of each) ...
    for (let i = 0; i < 900; i++) {
      const [{ n }] = await ds.query('SELECT count(DISTINCT program_id)::int AS n FROM deadlines WHERE program_id LIKE $1', [`bench-${run}-%`]);
      if (n >= programs) break;
      await sleep(1000);
    }
    const backlogSeconds = (Date.now() - created) / 1000 - createSeconds;
    // ... and the worker has finished the workflow tasks that follow (timers started): steady state.
    const settleSeconds = await waitUntilQuiet(worker.pid, { cpuPercent: idle.cpuPercent + 2, quietWindows: 3, timeoutMs: 600_000 });
    const waiting = await sampleProcess(worker.pid, WAITING_WINDOW_MS);
    // Mutu's database per waiting program: its share of every table and index (the bench's
    // programs are nearly all there is), for the projection in docs/capacity.md.
    const [{ bytes }] = await ds.query(`SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'm')`);
    const mutuBytesPerProgram = Number(bytes) / programs;
    await worker.stop();
    await ds.destroy();

    // --- dispatcher throughput vs raw nodemailer ---
    const dsBench = new DataSource({ type: 'postgres', url: env.pg!.url, poolSize: 6 });
    await dsBench.initialize();
    let received = 0;
    const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
      onData(stream, _s, cb) { stream.on('data', () => undefined); stream.on('end', () => { received += 1; cb(); }); } });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const port = (smtp.server.address() as AddressInfo).port;
    const userId = `bench-mail-${run}`;
    await dsBench.query(`INSERT INTO users (user_id, email, name, password_hash, roles) VALUES ($1, $2, 'Bench', 'x', '{principal}')`, [userId, `${userId}@bench.local`]);
    const programId = `bench-dispatch-${run}`;
    const keys = Array.from({ length: emails }, (_, i) => ({ programId, stage: 'plan', kind: `plan:reminder:${i}`, dueDate: '2027-01-29', recipientUserId: userId, channel: 'email' as const }));
    await dsBench.query(
      `INSERT INTO notification_outbox (program_id, stage, kind, due_date, recipient_user_id, channel, template, params, message_id)
       SELECT $1, 'plan', k, '2027-01-29', $2, 'email', 'reminder', $3::jsonb, m FROM unnest($4::text[], $5::text[]) AS t(k, m)`,
      [programId, userId, JSON.stringify({ programTitle: 'Bench', stage: 'plan', dueDate: '2027-01-29', offsetWorkingDays: 2 }), keys.map((k) => k.kind), keys.map(messageIdFor)],
    );
    const sender = new SmtpEmailSender({ host: '127.0.0.1', port, from: 'Mutu <noreply@mutu.local>', pool: true, maxConnections: 4 });
    const dispatcher = new OutboxDispatcher(dsBench, { workerId: 'bench', email: sender, batchSize: 100, programIdPrefix: programId });
    let t = Date.now();
    while ((await dispatcher.runOnce()) > 0);
    const dispatchPerSecond = emails / ((Date.now() - t) / 1000);
    const [{ sent }] = await dsBench.query(`SELECT count(*)::int AS sent FROM notification_outbox WHERE program_id = $1 AND status = 'sent'`, [programId]);
    sender.close();

    const raw = nodemailer.createTransport({ host: '127.0.0.1', port, ignoreTLS: true, pool: true, maxConnections: 4 });
    const before = received;
    t = Date.now();
    await parallel(emails, 100, async (i) => {
      await raw.sendMail({ from: 'Mutu <noreply@mutu.local>', to: `${userId}@bench.local`, subject: `Pengingat ${i}`, text: 'Batas waktu tahap perencanaan 2 hari kerja lagi.' });
    });
    const rawPerSecond = emails / ((Date.now() - t) / 1000);
    raw.close();
    const rawReceived = received - before;
    await new Promise<void>((r) => smtp.close(() => r()));
    await dsBench.destroy();

    const rows: BenchRow[] = [
      { name: `worker process RSS (max in ${WAITING_WINDOW_MS / 1000} s), ${programs} programs waiting on timers`, value: waiting.rssMaxMiB, unit: 'MiB', baseline: { name: 'same process idle', value: idle.rssMaxMiB }, target: '≤ 1024 MiB', pass: waiting.rssMaxMiB <= 1024 },
      { name: `worker process CPU, ${programs} programs waiting on timers`, value: waiting.cpuPercent, unit: '% of a core', baseline: { name: 'same process idle', value: idle.cpuPercent }, target: '≈ idle', pass: waiting.cpuPercent <= idle.cpuPercent + 5 },
      { name: `programs started (from a carried state)`, value: programs / createSeconds, unit: 'programs/s' },
      { name: `Mutu database per waiting program (all tables and indexes / ${programs})`, value: mutuBytesPerProgram / 1024, unit: 'KiB' },
      { name: `dispatcher throughput (${emails} emails, outbox → SMTP)`, value: dispatchPerSecond, unit: 'emails/s', baseline: { name: 'raw nodemailer, no outbox', value: rawPerSecond }, pass: sent === emails && rawReceived === emails },
    ];
    report('reminders', rows, { programs, emails, mutuBytesPerProgram, idle, waiting, createSeconds, backlogSeconds, settleSeconds, sent, rawReceived, maxCachedWorkflows: loadConfig(process.env).WORKER_CACHED_WORKFLOWS, note: 'worker = apps/worker main in its own process; RSS and CPU from /proc' });
  } finally {
    await worker?.stop();
    await env.stop();
  }
}
