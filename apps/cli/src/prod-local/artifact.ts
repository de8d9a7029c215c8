import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ProvisionLog } from '@mutu/provisioning';

/** What the Dockerfile's final stage copies from its build stage (node_modules is pruned separately). */
export const ARTIFACT_FILES = ['package.json', 'package-lock.json', 'dist', 'scripts', 'tsconfig.json', 'workflows', 'libs', 'apps/web/dist'] as const;

export interface Artifact {
  dir: string;
  /** The entry points of the Dockerfile's `api` and `worker` commands, relative to dir. */
  apiEntry: string;
  workerEntry: string;
  workflowBundle: string;
}

/**
 * The production artifact as the Dockerfile makes it, in a directory: the built files copied, and
 * node_modules hard-linked from the checkout then pruned of dev dependencies (`npm prune
 * --omit=dev`, offline: everything it keeps is already installed). Each part is redone only when
 * what it comes from changed; `node scripts/build.js` must have run first.
 */
export async function prepareArtifact(root: string, dir: string, log: ProvisionLog): Promise<Artifact> {
  if (!existsSync(join(root, 'dist', 'workflow-bundle.js'))) throw new Error('dist/workflow-bundle.js is missing: run `node scripts/build.js` first');
  mkdirSync(dir, { recursive: true });
  // Several topologies (prod:local, the prod tests) share the artifact: one refreshes it at a time,
  // and each part is swapped in whole, so a process starting from it never sees half a copy.
  const release = await lock(join(dir, '.artifact.lock'), log);
  try {
    refresh(root, dir, log);
  } finally {
    release();
  }
  return {
    dir,
    apiEntry: 'dist/apps/api/src/main.js',
    workerEntry: 'dist/apps/worker/src/main.js',
    workflowBundle: join(dir, 'dist', 'workflow-bundle.js'),
  };
}

function refresh(root: string, dir: string, log: ProvisionLog): void {
  const started = Date.now();
  const stampFile = join(dir, '.artifact-stamp.json');
  const previous = existsSync(stampFile) ? (JSON.parse(readFileSync(stampFile, 'utf8')) as Record<string, string>) : {};
  const stamp: Record<string, string> = {};
  const redone: string[] = [];

  stamp.node_modules = fingerprintFiles(root, ['package.json', 'package-lock.json', 'node_modules/.package-lock.json']);
  if (stamp.node_modules !== previous.node_modules || !existsSync(join(dir, 'node_modules'))) {
    swapIn(dir, 'node_modules', prunedNodeModules(root, dir));
    redone.push('node_modules (pruned of dev dependencies)');
  }
  for (const name of ARTIFACT_FILES) {
    stamp[name] = fingerprintTree(join(root, name));
    if (stamp[name] === previous[name] && existsSync(join(dir, name))) continue;
    const fresh = join(dir, `.${name.replace(/\//g, '_')}.new`);
    rmSync(fresh, { recursive: true, force: true });
    // Real copies: tsc rewrites dist/ in place, which would reach through hard links into a running artifact.
    cpSync(join(root, name), fresh, { recursive: true, filter: (src) => basename(src) !== 'node_modules' });
    swapIn(dir, name, fresh);
    redone.push(name);
  }
  writeFileSync(stampFile, JSON.stringify(stamp, null, 2));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`artifact: ${dir} ${redone.length === 0 ? 'unchanged' : `refreshed ${redone.join(', ')} in ${seconds} s`}`);
}

/** Replaces dir/name with `fresh` by two renames (no moment with half a copy). */
function swapIn(dir: string, name: string, fresh: string): void {
  const target = join(dir, name);
  const old = join(dir, `.${name.replace(/\//g, '_')}.old`);
  mkdirSync(dirname(target), { recursive: true });
  rmSync(old, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, old);
  renameSync(fresh, target);
  rmSync(old, { recursive: true, force: true });
}

/** node_modules hard-linked from the checkout and pruned in a staging directory; returns its path. */
function prunedNodeModules(root: string, dir: string): string {
  const staging = join(dir, '.staging');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const target = join(staging, 'node_modules');
  // The real directory: linking a symlinked node_modules would let npm prune empty the original.
  const source = realpathSync(join(root, 'node_modules'));
  // Hard links cost no space; npm prune only unlinks what it removes. Its own lockfile it rewrites,
  // so that one is a real copy (writing through a link would change the checkout's).
  const cp = spawnSync('cp', ['-al', source, target], { stdio: 'inherit' });
  if (cp.status !== 0) cpSync(source, target, { recursive: true, verbatimSymlinks: true });
  rmSync(join(target, '.package-lock.json'), { force: true });
  copyFileSync(join(source, '.package-lock.json'), join(target, '.package-lock.json'));
  for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(root, f), join(staging, f));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const prune = spawnSync(npm, ['prune', '--omit=dev', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], { cwd: staging, encoding: 'utf8' });
  if (prune.status !== 0) throw new Error(`artifact: npm prune --omit=dev failed: ${(prune.stderr || prune.stdout).trim().slice(-1500)}`);
  return target;
}

/** An exclusive lock file holding its owner's pid; a dead owner's lock is taken over. */
async function lock(file: string, log: ProvisionLog): Promise<() => void> {
  let waited = false;
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = Number(readFileSync(file, 'utf8').trim() || '0');
    if (!isAlive(owner)) {
      rmSync(file, { force: true });
      continue;
    }
    if (!waited) log(`artifact: another process (pid ${owner}) is refreshing ${dirname(file)}; waiting for it`);
    waited = true;
    await new Promise((r) => setTimeout(r, 500));
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function fingerprintFiles(root: string, files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(existsSync(join(root, f)) ? readFileSync(join(root, f)) : '-');
  return h.digest('hex');
}

/** Paths, sizes and modification times: enough to see that a build or an edit changed something. */
function fingerprintTree(path: string): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    const st = statSync(p);
    if (!st.isDirectory()) {
      h.update(`${p}\0${st.size}\0${st.mtimeMs}\n`);
      return;
    }
    for (const entry of readdirSync(p).sort()) if (entry !== 'node_modules') walk(join(p, entry));
  };
  walk(path);
  return h.digest('hex');
}
