import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { stopChild, type ProvisionLog } from '@mutu/provisioning';
import { WORKER_NODE_FLAGS } from '@mutu/temporal';

export interface ReplicaSpec {
  name: string;
  role: 'api' | 'worker';
  /** The artifact directory: the process runs there, like WORKDIR /app in the image. */
  cwd: string;
  entry: string;
  env: NodeJS.ProcessEnv;
  /** API replicas keep their port across restarts so the proxy can find them. */
  port?: number;
  logDir: string;
  log: ProvisionLog;
}

/** A supervisor's back-off: 0.5 s after a death, doubling while restarts fail, at most 10 s. */
const RESTART_DELAY_MS = 500;
const MAX_RESTART_DELAY_MS = 10_000;

/**
 * One API or worker process started as the Dockerfile's command starts it, restarted when it
 * dies as a supervisor (compose `restart: always`, systemd, Kubernetes) would, until stopped.
 */
export class Replica {
  private child?: ChildProcess;
  private stopping = false;
  private out?: WriteStream;
  restarts = 0;
  /** Restarts in a row that died before they were ready. */
  private failedStarts = 0;
  readonly logFile: string;

  constructor(readonly spec: ReplicaSpec) {
    this.logFile = join(spec.logDir, `${spec.name}.log`);
  }

  pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  /** The port while the process runs, for the proxy. */
  port(): number | undefined {
    return this.pid() === undefined ? undefined : this.spec.port;
  }

  /** Starts the process and resolves once it is ready (API: /health answers 200; worker: polling). */
  async start(timeoutMs = 90_000): Promise<number> {
    const started = Date.now();
    this.out ??= createWriteStream(this.logFile, { flags: 'a' });
    const env = { ...this.spec.env, ...(this.spec.port === undefined ? {} : { API_PORT: String(this.spec.port) }) };
    // A worker starts with the node flags compose's `worker` command gives it.
    const nodeFlags = this.spec.role === 'worker' ? WORKER_NODE_FLAGS : [];
    const child = spawn(process.execPath, [...nodeFlags, '-r', './scripts/register-dist.js', this.spec.entry], { cwd: this.spec.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let ready = false;
    let readyResolve: () => void = () => undefined;
    const readyPromise = new Promise<void>((r) => (readyResolve = r));
    // A worker is ready when it logs that it polls (a JSON line in production); a line may arrive in pieces.
    let recent = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      this.out!.write(chunk);
      if (ready || this.spec.role !== 'worker') return;
      recent = (recent + chunk.toString()).slice(-4096);
      if (recent.includes('polling task queue')) readyResolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => this.out!.write(chunk));
    const exited = new Promise<never>((_, reject) => {
      child.once('exit', (code, signal) => {
        if (!ready) {
          this.failedStarts++;
          reject(new Error(`${this.spec.name} exited (${signal ?? code}) before it was ready; see ${this.logFile}`));
        }
        if (!this.stopping && this.child === child) this.scheduleRestart(code, signal);
      });
    });
    exited.catch(() => undefined);
    if (this.spec.role === 'api') void this.pollHealth(child, timeoutMs).then(readyResolve, () => undefined);
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${this.spec.name} not ready within ${timeoutMs} ms; see ${this.logFile}`)), timeoutMs).unref());
    await Promise.race([readyPromise, exited, timeout]);
    ready = true;
    this.failedStarts = 0;
    return Date.now() - started;
  }

  /** Signals the process without stopping supervision: it comes back (a fault, or a test's kill -9). */
  kill(signal: NodeJS.Signals = 'SIGKILL'): boolean {
    const pid = this.pid();
    if (pid === undefined) return false;
    this.child!.kill(signal);
    return true;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.child) await stopChild(this.child, 15_000);
    await new Promise<void>((r) => (this.out ? this.out.end(r) : r()));
  }

  private scheduleRestart(code: number | null, signal: NodeJS.Signals | null): void {
    this.restarts++;
    const delay = Math.min(RESTART_DELAY_MS * 2 ** Math.max(0, this.failedStarts - 1), MAX_RESTART_DELAY_MS);
    this.spec.log(`${this.spec.name} exited (${signal ?? code}); restarting it in ${delay} ms (restart ${this.restarts})`);
    setTimeout(() => {
      if (this.stopping) return;
      this.start().then(
        (ms) => this.spec.log(`${this.spec.name} back in ${ms} ms`),
        // A start that died has already scheduled the next attempt, with a longer delay.
        (e: unknown) => this.spec.log(`${this.spec.name} restart failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    }, delay);
  }

  private async pollHealth(child: ChildProcess, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
      try {
        const res = await fetch(`http://127.0.0.1:${this.spec.port}/health`, { signal: AbortSignal.timeout(5_000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('not healthy');
  }
}
