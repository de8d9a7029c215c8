import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ensurePortFree, freePort, waitForPort } from './free-port';
import { PrerequisiteError, type ProvisionLog } from './log';
import { stopChild } from './stop-child';
import { resolveTemporalCli } from './temporal-cli';

export const SEARCH_ATTRIBUTES = {
  MutuSchoolId: 'Keyword',
  MutuRegionId: 'Keyword',
  MutuBudgetYear: 'Int',
  MutuStage: 'Keyword',
} as const;

export interface TemporalHandle {
  address: string;
  namespace: string;
  uiUrl?: string;
  source: 'TEMPORAL_ADDRESS' | 'dev-server';
  startMs?: number;
  stop(): Promise<void>;
}

export interface TemporalOptions {
  address?: string;
  namespace: string;
  /** Persistent SQLite file; omitted = in-memory. */
  dbFile?: string;
  ui?: boolean;
  uiPort?: number;
  /** WAL + synchronous=NORMAL: the dev server's SQLite defaults fsync on every commit. */
  tuneSqlite?: boolean;
  log: ProvisionLog;
  env?: NodeJS.ProcessEnv;
}

/** `TEMPORAL_ADDRESS` when given, otherwise a Temporal dev server started from the CLI. */
export async function provisionTemporal(options: TemporalOptions): Promise<TemporalHandle> {
  if (options.address) {
    await checkTemporalAddress(options.address);
    options.log(`Temporal: using TEMPORAL_ADDRESS ${options.address}, namespace ${options.namespace}`);
    return { address: options.address, namespace: options.namespace, source: 'TEMPORAL_ADDRESS', stop: async () => undefined };
  }
  const cli = resolveTemporalCli(options.log, options.env);
  if (!cli.path) return startSdkDevServer(options);
  const port = await freePort();
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--namespace', options.namespace];
  args.push('--log-level', 'error', '--http-port', String(await freePort()), '--metrics-port', String(await freePort()));
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${name}=${type}`);
  if (options.dbFile) {
    mkdirSync(dirname(resolve(options.dbFile)), { recursive: true });
    args.push('--db-filename', resolve(options.dbFile));
  }
  if (options.tuneSqlite !== false) args.push('--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  let uiUrl: string | undefined;
  if (options.ui) {
    const uiPort = options.uiPort ?? (await freePort());
    await ensurePortFree(uiPort, 'Temporal: the Web UI port', 'TEMPORAL_UI_PORT');
    args.push('--ui-port', String(uiPort), '--ui-ip', '127.0.0.1');
    uiUrl = `http://127.0.0.1:${uiPort}`;
  } else {
    args.push('--headless');
  }
  const started = Date.now();
  const child = spawn(cli.path, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (e: NodeJS.ErrnoException) =>
      reject(new PrerequisiteError(`Temporal: could not run the dev server ${cli.path} (${e.code ?? e.message}); set TEMPORAL_CLI_PATH to a working temporal CLI, or set TEMPORAL_ADDRESS.`)),
    );
    child.once('exit', (code, signal) =>
      reject(new PrerequisiteError(`Temporal: the dev server exited before it was ready (${signal ?? code}: ${lastLine(stderr)}); fix what it says, or set TEMPORAL_ADDRESS.`)),
    );
  });
  failed.catch(() => undefined);
  try {
    await Promise.race([waitForPort(port, '127.0.0.1', 60_000), failed]);
  } catch (e) {
    await stopChild(child, 5_000);
    if (e instanceof PrerequisiteError) throw e;
    throw new PrerequisiteError(`Temporal: the dev server did not listen on 127.0.0.1:${port} within 60 s; look for another dev server using its database file, or set TEMPORAL_ADDRESS.`);
  }
  const startMs = Date.now() - started;
  options.log(
    `Temporal: TEMPORAL_ADDRESS not set, dev server on 127.0.0.1:${port} (${cli.source}), ` +
      `${options.dbFile ? `state in ${options.dbFile}` : 'in memory'}, ready in ${startMs} ms` +
      (uiUrl ? `, Web UI ${uiUrl}` : ''),
  );
  return {
    address: `127.0.0.1:${port}`,
    namespace: options.namespace,
    uiUrl,
    source: 'dev-server',
    startMs,
    stop: () => stopChild(child),
  };
}

/** A TEMPORAL_ADDRESS that does not answer is said at once, not as a gRPC error later. */
async function checkTemporalAddress(address: string): Promise<void> {
  const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
  try {
    await waitForPort(port, host, 5_000);
  } catch {
    throw new PrerequisiteError(`Temporal: nothing answers at TEMPORAL_ADDRESS=${address}; start that server or correct the address, or unset TEMPORAL_ADDRESS to run a dev server.`);
  }
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.length ? lines[lines.length - 1].slice(0, 300) : 'no output';
}

async function startSdkDevServer(options: TemporalOptions): Promise<TemporalHandle> {
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      namespace: options.namespace,
      ip: '127.0.0.1',
      ui: Boolean(options.ui),
      dbFilename: options.dbFile ? resolve(options.dbFile) : undefined,
      searchAttributes: Object.entries(SEARCH_ATTRIBUTES).map(([name, type]) => ({ name, type })) as never,
    },
  }).catch((e: unknown) => {
    throw new PrerequisiteError(
      `Temporal: no temporal CLI was found or built, and the Temporal SDK could not download one (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); ` +
        'install Go so it can be built, set TEMPORAL_CLI_PATH, or set TEMPORAL_ADDRESS.',
    );
  });
  const address = env.address;
  options.log(`Temporal: dev server from the Temporal SDK download on ${address}`);
  return { address, namespace: options.namespace, source: 'dev-server', stop: () => env.teardown() };
}
