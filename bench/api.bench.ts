import { join, resolve } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@mutu/config';
import { executeUpdateOnAcceptingRun, PROJECT_ROOT } from '@mutu/temporal';
import { commandSignerFrom, DEMO_PASSWORD } from '@mutu/persistence';
import { createApi } from '../apps/api/src/create-api';
import { commandUpdate, programWorkflowId } from '@mutu/workflows';
import { benchEnv, percentile, report, type BenchRow } from './support/bench-env';
import { trivialDecide } from './support/trivial-update.workflow';
import { updateTimeline } from './support/update-timeline';
import { cpuSecondsOf, cpuSecondsOfAll, findProcess, machineCpuSeconds, startWorkerProcess, waitUntilQuiet } from './support/worker-process';
import { previousFigure } from './support/previous-results';

/**
 * Approval round trip (HTTP → auth → scope → Update → decide → append → projection → response)
 * at 1, 8 and 32 concurrent clients, next to a bare executeUpdate on a workflow of the same shape
 * (validated Update, an activity task that records, continue-as-new at the stage change, the next
 * run's schedule activity and timer) with no HTTP, auth, domain rules or persistence; and
 * GET /programs (50 items) throughput next to a trivial Nest route answering the same body, with
 * the API's page cache on (the default) and off.
 * Two more columns: the smallest possible Update (answered in the task that accepts it, no
 * activity, no new run), and the same approval sent straight to the real program workflow (no
 * HTTP, auth or scope check), to separate the API's share from the workflow's.
 * A third bare workflow has the approval's shape today (answered in the task that accepts it, a
 * local activity that records and answers with the next schedule, continue-as-new, the next run's
 * timer). The worker's CPU per approval is printed beside the baseline worker's CPU per Update of
 * each: the baseline worker runs the bare workflows in a process of its own, with the real
 * worker's workflow threads and node flags, and is measured alike. A fourth is the least an Update
 * recorded by the workflow costs (a local activity that does nothing, no new run).
 * Each series also prints what it cost the whole machine (/proc/stat) and, for the approval and
 * the approval's shape, each process's share (the API with the bench's client, Temporal,
 * PostgreSQL): past a few clients everything here shares two cores, so p50 follows machine CPU.
 * Scale: BENCH_API_SCALE (default 1 → 20/48/96 approvals per level and path).
 */
const LEVELS = [1, 8, 32];
const SUPERVISOR = { userId: 'u-supervisor', name: 'Bapak Bambang Sutrisno', roles: ['supervisor' as const], schoolIds: [], regionIds: ['reg-jaktim'] };

async function timed<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const t0 = performance.now();
        await fn(item);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), perSecond: items.length / seconds };
}

async function throughput(url: string, headers: Record<string, string>, seconds: number, concurrency: number): Promise<number> {
  let count = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const res = await fetch(url, { headers });
        if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
        await res.arrayBuffer();
        count++;
      }
    }),
  );
  return count / seconds;
}

/** Answers with a fixed body: the one GET /programs gave, so both send the same bytes. */
let trivialBody: unknown = null;
@Controller()
class TrivialController {
  @Get('trivial')
  get() {
    return trivialBody;
  }
}
@Module({ controllers: [TrivialController] })
class TrivialModule {}

export async function main(args: string[]): Promise<void> {
  const scale = Number(args[0] ?? process.env.BENCH_API_SCALE ?? 1);
  const samples = { 1: Math.round(20 * scale), 8: Math.round(48 * scale), 32: Math.round(96 * scale) } as Record<number, number>;
  const env = await benchEnv({ postgres: true, temporal: true });
  const shared = { DATABASE_URL: env.pg!.url, TEMPORAL_ADDRESS: env.temporal!.address, TEMPORAL_TASK_QUEUE: 'bench-api', LOG_LEVEL: 'warn', NODE_ENV: 'test' };
  // The worker in a process of its own, as deployed (apps/worker); the API in this one.
  const worker = await startWorkerProcess({ ...process.env, ...shared, SEED_DEMO_DATA: 'false' });
  const config = loadConfig({ ...process.env, ...shared, JWT_SECRET: 'bench-secret-bench-secret-bench-secret-01', SEED_DEMO_DATA: 'true' });
  // The bench's direct Updates are signed as the API signs them, with the key the worker verifies.
  const signer = commandSignerFrom({ COMMAND_SIGNING_KEY: config.COMMAND_SIGNING_KEY, NODE_ENV: config.NODE_ENV, dataDir: resolve(PROJECT_ROOT, config.DATA_DIR) });
  const api = await createApi(config);
  await api.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(api.getHttpServer().address() as { port: number }).port}`;
  const login = async (email: string) => {
    const r = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    return ((await r.json()) as { accessToken: string }).accessToken;
  };
  const principal = await login('kepsek@demo.mutu.id');
  const supervisor = await login('pengawas@demo.mutu.id');
  const post = async (token: string, path: string, body: unknown) => {
    const r = await fetch(`${base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as { programId: string };
  };

  // Setup (not measured): one submitted plan per approval.
  const total = LEVELS.reduce((s, c) => s + samples[c], 0);
  const programsNeeded = Math.max(total * 2, 50); // GET /programs lists 50
  console.log(`[bench api] preparing ${programsNeeded} submitted programs…`);
  const ids: string[] = [];
  await timed(Array.from({ length: programsNeeded }, (_, i) => i), 16, async (i) => {
    const p = await post(principal, '/programs', {
      schoolId: 'sch-sdn-cipinang-01',
      budgetYear: 2026,
      title: `Bench ${i}`,
      plan: {
        objectives: ['Tujuan'], standard: 'proses', indicators: ['Indikator'],
        activities: [{ id: 'act-1', title: 'Kegiatan', kind: 'other', window: { start: '2026-03-02', end: '2026-03-20' }, budget: { line: 'BOSP', amount: 1000, component: 'administrasi_sekolah' }, location: 'Sekolah', requiredEvidence: ['photo'] }],
      },
    });
    await post(principal, `/programs/${p.programId}/plan/submit`, {});
    ids.push(p.programId);
  });

  // Baseline worker: the bare workflows on their own task queue, in a process of its own with
  // the real worker's workflow threads and node flags, so its CPU per Update is measured alike.
  const baselineWorker = await startWorkerProcess(
    { ...process.env, TEMPORAL_ADDRESS: env.temporal!.address, BASELINE_TASK_QUEUE: 'bench-trivial' },
    join(PROJECT_ROOT, 'dist', 'bench', 'support', 'baseline-worker.js'),
  );
  const connection = await Connection.connect({ address: env.temporal!.address });
  const client = new Client({ connection });
  const trivialIds = Array.from({ length: total }, (_, i) => `bench-trivial-${Date.now()}-${i}`);
  const shapedIds = trivialIds.map((id) => id.replace('bench-trivial-', 'bench-shaped-'));
  await timed(trivialIds, 16, async (id) => {
    await client.workflow.start('trivialUpdateWorkflow', { taskQueue: 'bench-trivial', workflowId: id });
  });
  const approvalShapedIds = trivialIds.map((id) => id.replace('bench-trivial-', 'bench-approval-shaped-'));
  await timed(approvalShapedIds, 16, async (id) => {
    await client.workflow.start('approvalShapedUpdateWorkflow', { taskQueue: 'bench-trivial', workflowId: id, args: [] });
  });
  const recordedIds = trivialIds.map((id) => id.replace('bench-trivial-', 'bench-recorded-'));
  await timed(recordedIds, 16, async (id) => {
    await client.workflow.start('recordedUpdateWorkflow', { taskQueue: 'bench-trivial', workflowId: id });
  });
  await timed(shapedIds, 16, async (id) => {
    await client.workflow.start('shapedUpdateWorkflow', { taskQueue: 'bench-trivial', workflowId: id, args: [] });
  });
  // Each series starts on an idle machine: the runs' own work (new runs after continue-as-new,
  // their schedules and timers) from what came before is done first.
  const settle = async () => {
    await Promise.all([worker.pid, baselineWorker.pid, process.pid].map((pid) => waitUntilQuiet(pid, { cpuPercent: 10, quietWindows: 1, timeoutMs: 60_000 })));
  };
  // The other processes an Update costs CPU: this one (the API and the bench's client), Temporal
  // (the dev server, when it runs here) and PostgreSQL (every postgres process on the machine).
  const temporalPid = findProcess(['--port', env.temporal!.address.split(':')[1]]);
  const processCpu = () => ({
    bench: cpuSecondsOf(process.pid),
    temporal: temporalPid === undefined ? 0 : cpuSecondsOf(temporalPid),
    postgres: cpuSecondsOfAll('postgres'),
  });
  const bareUpdate = async (id: string) => {
    await executeUpdateOnAcceptingRun(client.workflow.getHandle(id), trivialDecide, { args: [{ commandId: `c-${id}`, decision: 'approve' }], updateId: `c-${id}` });
  };

  const rows: BenchRow[] = [];
  const results: Record<string, unknown> = {};
  let offset = 0;
  for (const c of LEVELS) {
    const mine = ids.slice(offset, offset + samples[c]);
    const minimalIds = trivialIds.slice(offset, offset + samples[c]);
    const theirs = shapedIds.slice(offset, offset + samples[c]);
    const approvalShaped = approvalShapedIds.slice(offset, offset + samples[c]);
    const recorded = recordedIds.slice(offset, offset + samples[c]);
    offset += samples[c];
    // A process's CPU per sample over a series, up to the moment its follow-up work (the next run,
    // its schedule and timers) is done: what one Update costs that worker, whenever it is spent.
    // Each series starts on a settled machine.
    const withCpu = async <T>(pid: number, series: () => Promise<T>) => {
      await settle();
      const before = cpuSecondsOf(pid);
      const processesBefore = processCpu();
      const machineBefore = machineCpuSeconds();
      const result = await series();
      await settle();
      const perSample = (seconds: number) => (seconds * 1000) / samples[c];
      const processesAfter = processCpu();
      return {
        result,
        cpuMs: perSample(cpuSecondsOf(pid) - before),
        machineMs: perSample(machineCpuSeconds() - machineBefore),
        processes: {
          bench: perSample(processesAfter.bench - processesBefore.bench),
          temporal: perSample(processesAfter.temporal - processesBefore.temporal),
          postgres: perSample(processesAfter.postgres - processesBefore.postgres),
        },
      };
    };
    const { result: minimal, cpuMs: minimalCpuMs, machineMs: minimalMachineMs } = await withCpu(baselineWorker.pid, () => timed(minimalIds, c, bareUpdate));
    const { result: bare, cpuMs: bareCpuMs } = await withCpu(baselineWorker.pid, () => timed(theirs, c, bareUpdate));
    const { result: asApproval, cpuMs: asApprovalCpuMs, machineMs: asApprovalMachineMs, processes: asApprovalProcesses } = await withCpu(baselineWorker.pid, () => timed(approvalShaped, c, bareUpdate));
    const { result: asRecorded, cpuMs: asRecordedCpuMs, machineMs: asRecordedMachineMs } = await withCpu(baselineWorker.pid, () => timed(recorded, c, bareUpdate));
    const { result: http, cpuMs: workerCpuMs, machineMs, processes } = await withCpu(worker.pid, () =>
      timed(mine, c, async (id) => {
        await post(supervisor, `/programs/${id}/plan/decision`, { decision: 'approve' });
      }),
    );
    const direct = await timed(ids.slice(total + offset - samples[c], total + offset), c, async (id) => {
      const commandId = `bench-direct-${id}`;
      const command = { commandId, type: 'DecidePlan' as const, actor: SUPERVISOR, now: new Date().toISOString(), payload: { decision: 'approve' as const } };
      await executeUpdateOnAcceptingRun(client.workflow.getHandle(programWorkflowId(id)), commandUpdate('DecidePlan'), {
        args: [command, signer.sign(command) as never],
        updateId: commandId,
      });
    });
    // Not timed: where the milliseconds went, from the server's history of a few of each.
    const timeline = {
      approval: await updateTimeline(client, mine.slice(0, 10).map(programWorkflowId), 'DecidePlan'),
      bare: await updateTimeline(client, theirs.slice(0, 10), 'DecidePlan'),
    };
    console.log(`[bench api] @${c}: approval steps (server history, p50 ms)`);
    console.table(timeline.approval);
    console.log(`[bench api] @${c}: bare Update steps (same workflow shape)`);
    console.table(timeline.bare);
    results[`c${c}`] = { http, direct, bare, minimal, asApproval, asRecorded, samples: samples[c], timeline, workerCpuMs, minimalCpuMs, bareCpuMs, asApprovalCpuMs, asRecordedCpuMs, machineMs, minimalMachineMs, asApprovalMachineMs, asRecordedMachineMs, processes, asApprovalProcesses };
    const msRow = (name: string, value: number, baselineName: string, baselineValue: number): BenchRow => ({ name, value, unit: 'ms', baseline: { name: baselineName, value: baselineValue } });
    rows.push(
      { name: `approval p50 @${c}`, value: http.p50, unit: 'ms', baseline: { name: 'bare executeUpdate p50, same workflow shape', value: bare.p50 } },
      { name: `approval p95 @${c}`, value: http.p95, unit: 'ms', baseline: { name: 'bare p95', value: bare.p95 } },
      { name: `approval p99 @${c}`, value: http.p99, unit: 'ms', baseline: { name: 'bare p99', value: bare.p99 } },
      { name: `approvals/s @${c}`, value: http.perSecond, unit: 'req/s', baseline: { name: 'bare updates/s', value: bare.perSecond } },
      { name: `approval p50 @${c}, HTTP`, value: http.p50, unit: 'ms', baseline: { name: 'same Update on the program workflow, no HTTP', value: direct.p50 } },
      {
        name: `approval p50 @${c}, vs the smallest Update`,
        value: http.p50,
        unit: 'ms',
        baseline: { name: 'minimal Update p50 (no activity, no new run)', value: minimal.p50 },
        ...(c === 8 ? { target: '≤ 2× minimal', pass: http.p50 <= 2 * minimal.p50 } : {}),
      },
      {
        name: `approval p99 @${c}, vs the smallest Update`,
        value: http.p99,
        unit: 'ms',
        baseline: { name: 'minimal Update p99', value: minimal.p99 },
        ...(c === 8 ? { target: '≤ 2.5× minimal', pass: http.p99 <= 2.5 * minimal.p99 } : {}),
      },
      {
        name: `worker CPU per approval @${c}`,
        value: workerCpuMs,
        unit: 'ms',
        ...previousFigure('api', `worker CPU per approval @${c}`),
        target: '≤ 5 ms',
        pass: workerCpuMs <= 5,
      },
      msRow(`worker CPU per approval @${c}, vs the smallest Update`, workerCpuMs, 'baseline worker CPU per minimal Update (same threads and flags)', minimalCpuMs),
      msRow(`worker CPU per approval @${c}, vs the approval's shape`, workerCpuMs, "baseline worker CPU per bare Update of the approval's shape (one task, a local activity that does nothing, continue-as-new)", asApprovalCpuMs),
      msRow(`worker CPU per approval @${c}, vs an Update the workflow records`, workerCpuMs, 'baseline worker CPU per bare Update recorded by the workflow (one task, a local activity that does nothing, no new run)', asRecordedCpuMs),
      msRow(`approval p50 @${c}, vs an Update the workflow records`, http.p50, 'bare Update p50, recorded by the workflow (a local activity, no new run)', asRecorded.p50),
      // Past a few clients every process here shares two cores, so latency follows what a command
      // costs the whole machine: the API and the bench's client, the worker, Temporal, PostgreSQL.
      msRow(`machine CPU per approval @${c}, vs the smallest Update`, machineMs, 'machine CPU per minimal Update (the bench client, Temporal, the baseline worker)', minimalMachineMs),
      msRow(`machine CPU per approval @${c}, vs an Update the workflow records`, machineMs, 'machine CPU per bare Update recorded by the workflow (a local activity, no new run)', asRecordedMachineMs),
      msRow(`machine CPU per approval @${c}, vs the approval's shape`, machineMs, "machine CPU per bare Update of the approval's shape", asApprovalMachineMs),
      msRow(`this process's CPU per approval @${c} (the API and the bench's client)`, processes.bench, "this process's CPU per bare Update of the approval's shape (the bench's client)", asApprovalProcesses.bench),
      msRow(`Temporal's CPU per approval @${c}`, processes.temporal, "Temporal's CPU per bare Update of the approval's shape", asApprovalProcesses.temporal),
      msRow(`PostgreSQL's CPU per approval @${c}`, processes.postgres, "PostgreSQL's CPU per bare Update of the approval's shape", asApprovalProcesses.postgres),
      msRow(`approval p50 @${c}, vs the approval's shape`, http.p50, "bare Update p50 of the approval's shape", asApproval.p50),
      msRow(`worker CPU per approval @${c}, vs the same workflow shape`, workerCpuMs, 'baseline worker CPU per bare Update of the same shape (activities do nothing)', bareCpuMs),
    );
    // Every approval of the series answered (timed() throws on the first error or timeout).
    if (c === 32) rows.push({ name: 'approvals @32 answered without error or timeout', value: samples[c], unit: 'approvals', target: 'all', pass: true });
  }

  // GET /programs with 50 items vs a trivial Nest route returning the same 50 items, same client load.
  trivialBody = await (await fetch(`${base}/programs?limit=50`, { headers: { authorization: `Bearer ${principal}` } })).json();
  if ((trivialBody as { items: unknown[] }).items.length !== 50) throw new Error('GET /programs did not list 50 programs');
  const trivialApp = await NestFactory.create(TrivialModule, { logger: false });
  await trivialApp.listen(0, '127.0.0.1');
  const trivialBase = `http://127.0.0.1:${(trivialApp.getHttpServer().address() as { port: number }).port}`;
  await settle();
  // The same API with its page cache off: every request reads PostgreSQL (what a page costs when
  // programs change between requests, or the first request after a change).
  const uncachedApi = await createApi({ ...config, PROGRAM_LIST_CACHE_MS: 0 });
  await uncachedApi.listen(0, '127.0.0.1');
  const uncachedBase = `http://127.0.0.1:${(uncachedApi.getHttpServer().address() as { port: number }).port}`;
  await settle();
  // Rounds alternate the three so that load from elsewhere on this shared machine falls on all alike.
  const seconds = 2;
  const rounds = 4;
  const auth = { authorization: `Bearer ${principal}` };
  let trivialRps = 0;
  let listRps = 0;
  let uncachedRps = 0;
  await throughput(`${trivialBase}/trivial`, {}, 1, 8); // warm-up: connections, JIT
  await throughput(`${base}/programs?limit=50`, auth, 1, 8);
  await throughput(`${uncachedBase}/programs?limit=50`, auth, 1, 8);
  for (let round = 0; round < rounds; round++) {
    trivialRps += (await throughput(`${trivialBase}/trivial`, {}, seconds, 8)) / rounds;
    listRps += (await throughput(`${base}/programs?limit=50`, auth, seconds, 8)) / rounds;
    uncachedRps += (await throughput(`${uncachedBase}/programs?limit=50`, auth, seconds, 8)) / rounds;
  }
  const trivialBaseline = { name: 'trivial Nest route, same body', value: trivialRps };
  rows.push({ name: 'GET /programs (50 items) @8', value: listRps, unit: 'req/s', baseline: trivialBaseline, target: '≥ 0.5× trivial', pass: listRps >= 0.5 * trivialRps });
  rows.push({ name: 'GET /programs (50 items) @8, page cache off', value: uncachedRps, unit: 'req/s', baseline: trivialBaseline });
  await uncachedApi.close();

  report('api', rows, { scale, samples, results, note: 'LOG_LEVEL=warn; the API in the bench process, the worker (apps/worker) and the baseline worker (the bare workflows) each in its own; PostgreSQL and the Temporal dev server on the same machine' });

  await trivialApp.close();
  await api.close();
  await worker.stop();
  await baselineWorker.stop();
  await connection.close();
  await env.stop();
}
