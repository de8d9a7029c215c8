import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userCacheDir } from './cache-dir';
import { findOnPath, isExecutable } from './temporal-cli';
import { PrerequisiteError, type ProvisionLog } from './log';

/** The Schemathesis release the API's conformance test is written against. */
export const SCHEMATHESIS_VERSION = '4.32.5';

export interface Schemathesis {
  /** The `schemathesis` executable inside the virtual environment. */
  path: string;
  version: string;
  source: 'cache' | 'pip install';
}

/**
 * Schemathesis in a Python virtual environment of its own in the user cache
 * (e.g. ~/.cache/mutu/schemathesis-venv), created with `python3 -m venv` and `pip install` once;
 * later calls reuse it. A marker file records the installed version, so a new pin reinstalls.
 */
export function resolveSchemathesis(log: ProvisionLog, env: NodeJS.ProcessEnv = process.env, version = SCHEMATHESIS_VERSION): Schemathesis {
  const venv = join(userCacheDir(env), 'schemathesis-venv');
  const bin = join(venv, 'bin', 'schemathesis');
  const marker = join(venv, 'mutu-version');
  if (isExecutable(bin) && existsSync(marker) && readFileSync(marker, 'utf8').trim() === version) {
    log(`Schemathesis ${version}: ${bin} (installed earlier into the user cache)`);
    return { path: bin, version, source: 'cache' };
  }
  const python = env.PYTHON ?? findOnPath('python3', env);
  if (!python) throw new PrerequisiteError('Schemathesis needs Python 3 with the venv module: install python3 (and python3-venv), or set PYTHON to its path.');
  log(`Schemathesis ${version}: not installed; creating ${venv} with ${python} -m venv and pip install (once, about a minute)`);
  const started = Date.now();
  rmSync(venv, { recursive: true, force: true });
  const run = (cmd: string, args: string[]) => {
    const result = spawnSync(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    if (result.status !== 0) {
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
      throw new PrerequisiteError(`Installing Schemathesis failed at \`${cmd} ${args.join(' ')}\`:\n${output}`);
    }
  };
  run(python, ['-m', 'venv', venv]);
  run(join(venv, 'bin', 'pip'), ['install', '--disable-pip-version-check', '--quiet', `schemathesis==${version}`]);
  if (!isExecutable(bin)) throw new PrerequisiteError(`pip installed Schemathesis but ${bin} is missing`);
  writeFileSync(marker, `${version}\n`);
  log(`Schemathesis ${version}: installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { path: bin, version, source: 'pip install' };
}
