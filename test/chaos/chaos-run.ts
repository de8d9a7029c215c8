// The fault suite: programs driven concurrently through their lifecycle over HTTP through the
// proxy, while a seeded schedule kills replicas with SIGKILL and restarts PostgreSQL and the
// Temporal server; then every promise is checked against PostgreSQL (owner) and Temporal.
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@mutu/persistence';
import { ChaosClient } from './chaos-client';
import { checkChainsAndReadModels, checkCommands, checkFinalStages, checkNotifications } from './chaos-checks';
import { ROOT, startChaosTopology, type ChaosTopology } from './chaos-topology';
import { driveProgram, type ExpectedProgram } from './program-driver';
import { between, seededRng, type Rng } from './rng';

export type FaultKind = 'kill -9 worker' | 'kill -9 api' | 'restart postgres' | 'restart temporal';

export interface ChaosOptions {
  seed: number;
  programs: number;
  /** Programs in flight at once. */
  concurrency: number;
  faults: Record<FaultKind, number>;
  /** Least time between two faults. */
  minGapMs: number;
  /** How long one request may be retried before it counts as lost. */
  requestBudgetMs: number;
  log(line: string): void;
}

export interface ChaosReport {
  figures: Record<string, unknown>;
  problems: string[];
}

export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  o.log(`chaos: seed ${o.seed} (CHAOS_SEED=${o.seed} repeats this schedule), ${o.programs} programs, faults ${JSON.stringify(o.faults)}`);
  const logsDir = join(ROOT, 'test-results', 'chaos', String(o.seed));
  const topo = await startChaosTopology((l) => o.log(`  ${l}`), logsDir);
  const ready = Date.now();
  try {
    const rng = seededRng(o.seed);
    const client = new ChaosClient(topo.url, topo.demoPassword, seededRng(o.seed ^ 0x5bd1e995), o.requestBudgetMs);
    const programs: ExpectedProgram[] = [];
    const failures: string[] = [];
    let done = false;
    const load = runPool(o.programs, o.concurrency, async (i) => {
      try {
        programs.push(await driveProgram(client, seededRng(o.seed + 1 + i), i + 1));
      } catch (e) {
        failures.push(`program ${i + 1}: ${(e as Error).message}`);
      }
    }).finally(() => (done = true));
    // A lifecycle makes 14 commands plus 4 per activity (2-5 activities): 28 on average.
    const progress = () => client.accepted.length / (o.programs * 28);
    const injected = await injectFaults(topo, o, rng, progress, () => done);
    await load;
    const loadEnd = Date.now();
    o.log(`chaos: load done in ${((loadEnd - ready) / 1000).toFixed(0)} s; ${JSON.stringify(injected)} injected; waiting for the outbox to drain`);

    const ds = createDataSource({ url: topo.ownerUrl, poolSize: 4, applicationName: 'mutu-chaos-checks' });
    await ds.initialize();
    try {
      await drainOutbox(ds, programs.map((p) => p.programId), 90_000);
      const stages = await checkFinalStages(ds, topo.t.temporal.address, programs);
      // The replicas stop before the rebuild, so no append races it.
      await Promise.all([...topo.t.apis, ...topo.t.workers].map((r) => r.stop()));
      const commands = await checkCommands(ds, programs, client.accepted);
      const chains = await checkChainsAndReadModels(ds);
      const notifications = await checkNotifications(ds, programs, topo.mails);
      const problems = [...failures, ...client.stats.abandoned.map((a) => `abandoned: ${a}`), ...stages.problems, ...commands.problems, ...chains.problems, ...notifications.problems];
      // A dependency restarting is a 503 with Retry-After; a 500 is a bug.
      const errors = client.stats.statuses['500'] ?? 0;
      if (errors > 0) problems.push(`${errors} answers were 500 (see the replicas' logs)`);
      for (const [kind, n] of Object.entries(o.faults)) {
        if ((injected[kind as FaultKind] ?? 0) < n) problems.push(`only ${injected[kind as FaultKind] ?? 0} of ${n} × ${kind} injected before the load ended`);
      }
      const figures = {
        seed: o.seed,
        programs: o.programs,
        programsClosed: stages.figures.closed,
        requests: client.stats.requests,
        retries: client.stats.retries,
        acceptedCommands: client.accepted.length,
        faultsInjected: injected,
        replicaRestarts: Object.fromEntries([...topo.t.apis, ...topo.t.workers].map((r) => [r.spec.name, r.restarts])),
        temporalFoundDead: topo.temporalRevivals(),
        proxy: topo.t.proxy.stats,
        answers: client.stats.statuses,
        lost: commands.figures.lost,
        duplicated: commands.figures.duplicated,
        ...commands.figures,
        ...chains.figures,
        ...notifications.figures,
        startupSeconds: Math.round((ready - started) / 1000),
        loadSeconds: Math.round((loadEnd - ready) / 1000),
        totalSeconds: Math.round((Date.now() - started) / 1000),
      };
      if (problems.length > 0) o.log(`chaos: the replicas' and the Temporal server's logs are kept in ${logsDir}`);
      return { figures, problems };
    } finally {
      await ds.destroy();
    }
  } finally {
    await topo.stop();
  }
}

/** Runs `count` tasks with at most `concurrency` at once. */
async function runPool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(count, concurrency) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/**
 * The faults in a seeded order, each at a seeded moment of the load: when the accepted commands
 * reach a seeded share (3-80 %, one fault in each equal part of it) of the commands the run will
 * make, so every fault lands while programs are in flight however fast the machine is. The next
 * fault waits for the previous one to be over (a restarted server answering, a killed replica
 * respawned) and for `minGapMs`.
 */
async function injectFaults(topo: ChaosTopology, o: ChaosOptions, rng: Rng, progress: () => number, loadDone: () => boolean): Promise<Partial<Record<FaultKind, number>>> {
  const queue = (Object.entries(o.faults) as [FaultKind, number][]).flatMap(([kind, n]) => Array.from({ length: n }, () => kind));
  for (let i = queue.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [queue[i], queue[j]] = [queue[j], queue[i]];
  }
  // One moment in each of as many equal shares of 3-80 % of the load as there are faults: spread out,
  // so a fast load still leaves each fault its turn after the gap that follows the one before.
  const share = 0.77 / queue.length;
  const moments = queue.map((_, i) => 0.03 + share * (i + rng()));
  const injected: Partial<Record<FaultKind, number>> = {};
  for (const [i, kind] of queue.entries()) {
    const earliest = Date.now() + o.minGapMs;
    while ((progress() < moments[i] || Date.now() < earliest) && !loadDone()) await new Promise((r) => setTimeout(r, 200));
    if (loadDone()) break;
    const at = Date.now();
    const loadShare = `${Math.round(progress() * 100)} % of the load`;
    if (kind === 'kill -9 worker' || kind === 'kill -9 api') {
      const replicas = (kind === 'kill -9 api' ? topo.t.apis : topo.t.workers).filter((r) => r.pid() !== undefined);
      if (replicas.length === 0) continue;
      const victim = replicas[Math.floor(rng() * replicas.length)];
      const pid = victim.pid();
      o.log(`chaos: at ${loadShare}: kill -9 ${victim.spec.name} (pid ${pid})`);
      victim.kill('SIGKILL');
      // Over when the replica runs again as a new process.
      while ((victim.pid() === undefined || victim.pid() === pid) && Date.now() - at < 60_000) await new Promise((r) => setTimeout(r, 200));
    } else if (kind === 'restart postgres') {
      const down = between(rng, 500, 3_000);
      o.log(`chaos: at ${loadShare}: restarting PostgreSQL (down ${down} ms)`);
      await topo.restartPostgres(down);
    } else {
      const signal = rng() < 0.5 ? 'SIGTERM' : 'SIGKILL';
      o.log(`chaos: at ${loadShare}: restarting the Temporal server (${signal})`);
      await topo.restartTemporal(signal);
    }
    o.log(`chaos: ${kind} done in ${Date.now() - at} ms`);
    injected[kind] = (injected[kind] ?? 0) + 1;
  }
  return injected;
}

/** Waits until no outbox row of these programs is waiting to be sent. */
async function drainOutbox(ds: DataSource, programIds: string[], timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM notification_outbox WHERE program_id = ANY($1) AND status IN ('pending', 'sending')`, [programIds]);
    if (n === 0) return;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
