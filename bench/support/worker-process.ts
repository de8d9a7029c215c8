// The worker as deployed (`apps/worker`'s main, in a process of its own), so a benchmark measures
// that process alone: not the client that drives it, not the benchmark's own bookkeeping.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stopChild } from '@mutu/provisioning';
import { PROJECT_ROOT, WORKER_NODE_FLAGS } from '@mutu/temporal';
import { stopIfFailed } from './bench-env';

export interface WorkerProcess {
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `main` (by default `dist/apps/worker/src/main.js`) with `env` and the worker's node flags
 * (WORKER_NODE_FLAGS), and resolves once it prints that it polls its task queue.
 * BENCH_WORKER_NODE_ARGS adds node flags to that process only (e.g. `--cpu-prof --cpu-prof-dir=…`).
 */
export async function startWorkerProcess(env: NodeJS.ProcessEnv, main = join(PROJECT_ROOT, 'dist', 'apps', 'worker', 'src', 'main.js')): Promise<WorkerProcess> {
  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // Readiness is the worker's info line 'polling task queue': a quieter level would hide it (and
  // the benchmark would wait for ever), so the worker logs at info at least.
  const quieter = ['warn', 'error', 'fatal', 'silent'].includes(String(env.LOG_LEVEL));
  const child: ChildProcess = spawn(
    process.execPath,
    [...WORKER_NODE_FLAGS, ...nodeArgs, '-r', join(PROJECT_ROOT, 'scripts', 'register-dist.js'), main],
    { env: quieter ? { ...env, LOG_LEVEL: 'info' } : env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the worker exited (${code}) before polling`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('polling task queue')) resolve();
    });
  });
  child.removeAllListeners('exit');
  const stop = () => stopChild(child, 20_000);
  const unregister = stopIfFailed(stop);
  return {
    pid: child.pid!,
    stop: () => {
      unregister();
      return stop();
    },
  };
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * The fields of /proc/<pid>/stat after the parenthesised command name (Linux): utime, stime,
 * cutime and cstime are the 12th to 15th.
 */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

const ticksToSeconds = (fields: string[]) => fields.reduce((sum, f) => sum + Number(f), 0) / TICKS_PER_SECOND;

/** CPU seconds (user + system) and resident memory of a process, from /proc (Linux). */
function procSample(pid: number): { cpuSeconds: number; rssBytes: number } {
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
  return { cpuSeconds: cpuSecondsOf(pid), rssBytes: rssKiB * 1024 };
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSecondsOf(pid: number): number {
  return ticksToSeconds(statFields(pid).slice(11, 13));
}

/**
 * CPU seconds (user, nice, system, irq, softirq, steal) every process on the machine has used so
 * far, from the first line of /proc/stat (Linux): what a series costs the machine as a whole, its
 * server processes (Temporal, PostgreSQL) included.
 */
export function machineCpuSeconds(): number {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + (steal || 0)) / TICKS_PER_SECOND;
}

/**
 * CPU seconds used so far by every process whose command line starts with `program` (e.g.
 * 'postgres'), with the CPU of the children each has waited for: a PostgreSQL backend that exits
 * (a pool closing an idle connection) moves its time to the postmaster's, so the sum never drops.
 */
export function cpuSecondsOfAll(program: string): number {
  let seconds = 0;
  for (const pid of processesWhere(([argv0]) => argv0 === program || argv0.endsWith(`/${program}`) || argv0.startsWith(`${program}:`))) {
    try {
      seconds += ticksToSeconds(statFields(pid).slice(11, 15));
    } catch {
      // gone meanwhile
    }
  }
  return seconds;
}

export interface ProcessWindow {
  /** CPU used over the window, in % of one core. */
  cpuPercent: number;
  /** Largest and median resident set size seen in the window's one-second samples. */
  rssMaxMiB: number;
  rssMedianMiB: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Samples the process once a second for `windowMs`. */
export async function sampleProcess(pid: number, windowMs: number): Promise<ProcessWindow> {
  const first = procSample(pid);
  const t0 = performance.now();
  const rss: number[] = [];
  for (let waited = 0; waited < windowMs; waited += 1000) {
    await sleep(1000);
    rss.push(procSample(pid).rssBytes / 2 ** 20);
  }
  const cpu = procSample(pid).cpuSeconds - first.cpuSeconds;
  const sorted = [...rss].sort((a, b) => a - b);
  return {
    cpuPercent: (cpu / ((performance.now() - t0) / 1000)) * 100,
    rssMaxMiB: sorted[sorted.length - 1],
    rssMedianMiB: sorted[Math.floor(sorted.length / 2)],
  };
}

/**
 * Waits until the process has used less than `cpuPercent` of a core in each of `quietWindows`
 * consecutive 5-second windows (its backlog of workflow tasks is done), up to `timeoutMs`.
 * Returns how long that took.
 */
export async function waitUntilQuiet(pid: number, opts: { cpuPercent: number; quietWindows: number; timeoutMs: number }): Promise<number> {
  const started = performance.now();
  let quiet = 0;
  while (quiet < opts.quietWindows && performance.now() - started < opts.timeoutMs) {
    const { cpuPercent } = await sampleProcess(pid, 5_000);
    quiet = cpuPercent < opts.cpuPercent ? quiet + 1 : 0;
  }
  return (performance.now() - started) / 1000;
}

/** The pids of the running processes whose command line (its arguments) satisfies `matches`. */
function processesWhere(matches: (args: string[]) => boolean): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (matches(readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0'))) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** The pid of the first running process whose command line holds every one of `parts`, if any. */
export function findProcess(parts: string[]): number | undefined {
  return processesWhere((args) => parts.every((p) => args.includes(p)))[0];
}
