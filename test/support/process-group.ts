// Runs a command in a process group of its own, so a test can say afterwards whether anything it
// started (servers spawned under other accounts included) is still running.
import { spawn, spawnSync } from 'node:child_process';
import { until } from './until';

export interface GroupRun {
  code: number | null;
  output: string;
  pgid: number;
}

export function runInOwnGroup(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<GroupRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => {
      killGroup(child.pid!);
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${options.timeoutMs} ms:\n${output}`));
    }, options.timeoutMs ?? 120_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, output, pgid: child.pid! });
    });
  });
}

/** Processes still in the group (pid and command line). */
export function groupMembers(pgid: number): string[] {
  const ps = spawnSync('ps', ['-eo', 'pgid=,pid=,args='], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.split(/\s+/)[0] === String(pgid));
}

/** Waits briefly for the group to empty; fails naming what is left. */
export async function expectGroupEmpty(pgid: number, timeoutMs = 10_000): Promise<void> {
  try {
    await until(`process group ${pgid} to end`, () => groupMembers(pgid).length === 0, timeoutMs);
  } catch {
    const left = groupMembers(pgid);
    killGroup(pgid);
    throw new Error(`still running after the command ended:\n${left.join('\n')}`);
  }
}

export function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export interface GroupProcess {
  pgid: number;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts a long-running command in its own process group and keeps its output. */
export function startInOwnGroup(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): GroupProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolveExit) => {
    child.once('error', () => resolveExit(null));
    child.once('close', (code) => resolveExit(code));
  });
  return { pgid: child.pid!, output: () => output, exited };
}
