import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { userCacheDir } from './cache-dir';
import { PrerequisiteError, type ProvisionLog } from './log';

/** v1.6 and later of the CLI cannot be `go install`ed; this one can, and ships a dev server with a UI. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

export type TemporalCliSource = 'TEMPORAL_CLI_PATH' | 'PATH' | 'cache' | 'go install' | 'sdk-download';

export interface TemporalCli {
  /** undefined = let the Temporal SDK download its own copy. */
  path?: string;
  source: TemporalCliSource;
}

/** True when the file exists and this process may execute it. */
export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (existsSync(candidate) && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Finds a `temporal` CLI: TEMPORAL_CLI_PATH, then PATH, then the user cache, then builds one into
 * the cache with Go; without Go, the SDK's own download is the last resort.
 */
export function resolveTemporalCli(log: ProvisionLog, env: NodeJS.ProcessEnv = process.env): TemporalCli {
  if (env.TEMPORAL_CLI_PATH) {
    if (!isExecutable(env.TEMPORAL_CLI_PATH)) {
      throw new PrerequisiteError(`Temporal: TEMPORAL_CLI_PATH=${env.TEMPORAL_CLI_PATH} is not an executable file; point it at the temporal CLI or unset it.`);
    }
    log(`Temporal CLI: ${env.TEMPORAL_CLI_PATH} (from TEMPORAL_CLI_PATH)`);
    return { path: env.TEMPORAL_CLI_PATH, source: 'TEMPORAL_CLI_PATH' };
  }
  const onPath = findOnPath('temporal', env);
  if (onPath) {
    log(`Temporal CLI: ${onPath} (found on PATH)`);
    return { path: onPath, source: 'PATH' };
  }
  const binDir = join(userCacheDir(env), 'bin');
  const cached = join(binDir, 'temporal');
  if (isExecutable(cached)) {
    log(`Temporal CLI: ${cached} (built earlier into the user cache)`);
    return { path: cached, source: 'cache' };
  }
  const go = findOnPath('go', env);
  if (go) {
    log(`Temporal CLI: not found; building ${TEMPORAL_CLI_MODULE} with ${go} into ${binDir} (once, a few minutes)`);
    mkdirSync(binDir, { recursive: true });
    const started = Date.now();
    const result = spawnSync(go, ['install', TEMPORAL_CLI_MODULE], {
      env: { ...env, GOBIN: binDir, GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (result.status === 0 && isExecutable(cached)) {
      log(`Temporal CLI: built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      return { path: cached, source: 'go install' };
    }
    log('Temporal CLI: go install failed; falling back to the Temporal SDK download');
  } else {
    log('Temporal CLI: no TEMPORAL_CLI_PATH, no `temporal` on PATH, no Go; falling back to the Temporal SDK download');
  }
  return { source: 'sdk-download' };
}
