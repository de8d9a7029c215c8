import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { PrerequisiteError } from './log';

/**
 * The operating-system account PostgreSQL runs as. PostgreSQL refuses to run as root, so when we
 * are root it runs as the unprivileged `postgres` account (created once when missing); otherwise
 * it runs as ourselves and every path we can reach, it can reach.
 */
export interface PostgresOsUser {
  name: string;
  uid: number;
  gid: number;
  /** false when PostgreSQL runs as the current user. */
  separate: boolean;
}

const ACCOUNT = 'postgres';

/** Root's shared directories: binaries are a cache, data directories are state. */
export function systemCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.MUTU_SYSTEM_CACHE_DIR || '/var/cache/mutu';
}
export function systemStateDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.MUTU_SYSTEM_STATE_DIR || '/var/lib/mutu';
}

export function postgresOsUser(): PostgresOsUser {
  const me = userInfo();
  if (me.uid !== 0) return { name: me.username, uid: me.uid, gid: me.gid, separate: false };
  let ids = lookup(ACCOUNT);
  if (!ids) {
    const made = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', ACCOUNT], { encoding: 'utf8' });
    ids = lookup(ACCOUNT);
    if (!ids) {
      throw new PrerequisiteError(
        `PostgreSQL: running as root needs an unprivileged '${ACCOUNT}' account to run the database as, and creating it failed ` +
          `(${(made.stderr || made.error?.message || `useradd exit ${made.status}`).trim()}); create it with \`useradd --system ${ACCOUNT}\`, run as an ordinary user, or set DATABASE_URL.`,
      );
    }
  }
  return { name: ACCOUNT, ...ids, separate: true };
}

function lookup(name: string): { uid: number; gid: number } | undefined {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * Asks the operating system, as the database account, whether `test <flags…>` holds. Spawning
 * with uid/gid drops supplementary groups, exactly as the database processes are spawned, so the
 * answer is the one PostgreSQL itself will get.
 */
export function accountCan(user: PostgresOsUser, args: string[]): boolean {
  const ids = user.separate ? { uid: user.uid, gid: user.gid } : {};
  const probe = spawnSync('/bin/sh', ['-c', 'test "$@"', 'probe', ...args], ids);
  return probe.status === 0;
}

/**
 * The PostgreSQL binaries where the database account can execute them: in place when it can
 * reach them (an ordinary user, or root with the clone under a traversable path); otherwise
 * copied once into root's system cache, owned by root and readable by all, so the account gets
 * the binaries and nothing else of the user's files.
 */
export function binariesFor(user: PostgresOsUser, nativeDir: string, version: string, env: NodeJS.ProcessEnv = process.env): { dir: string; copied: boolean; copiedNow: boolean } {
  const usable = (dir: string) =>
    accountCan(user, ['-x', join(dir, 'bin', 'postgres'), '-a', '-x', join(dir, 'bin', 'initdb'), '-a', '-r', join(dir, 'share', 'postgresql', 'postgres.bki'), '-a', '-x', join(dir, 'lib')]);
  if (usable(nativeDir)) return { dir: nativeDir, copied: false, copiedNow: false };
  const target = join(systemCacheDir(env), 'postgres', version);
  const marker = join(target, '.complete');
  const copiedNow = !existsSync(marker);
  if (copiedNow) {
    mkdirSync(dirname(target), { recursive: true, mode: 0o755 });
    // Copy beside the target and rename: a concurrent or interrupted copy never leaves half a tree.
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    writeFileSync(join(partial, '.complete'), `${nativeDir}\n`);
    try {
      renameSync(partial, target);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another process placed it first
    }
  }
  if (!usable(target)) {
    throw new PrerequisiteError(
      `PostgreSQL: the '${user.name}' account cannot execute the PostgreSQL binaries, neither in ${nativeDir} nor in ${target}, ` +
        `because a directory on the way is closed to other users; set MUTU_SYSTEM_CACHE_DIR to a directory other users can enter, or set DATABASE_URL.`,
    );
  }
  return { dir: target, copied: true, copiedNow };
}

/**
 * A persistent data directory the database account can reach. A directory inside a path closed
 * to it (a clone in root's 0700 home) is kept in root's system state directory instead, and the
 * requested path becomes a symbolic link to it, so `ls -l` shows where the data lives.
 */
export function persistentDataDir(user: PostgresOsUser, requested: string, env: NodeJS.ProcessEnv = process.env): { dir: string; relocated: boolean } {
  const parent = dirname(requested);
  mkdirSync(parent, { recursive: true });
  if (existsSync(requested)) {
    const real = realpathSync(requested);
    if (accountCan(user, ['-x', real, '-a', '-w', real])) return { dir: real, relocated: real !== requested };
    // An empty directory left by a start that failed may go; existing data is never moved.
    const empty = !lstatSync(requested).isSymbolicLink() && readdirSync(requested).length === 0;
    if (!empty) throw unreachable(user, requested);
    rmSync(requested, { recursive: true });
  }
  if (accountCan(user, ['-x', parent])) {
    mkdirSync(requested, { mode: 0o700 });
    chown(user, requested);
    return { dir: requested, relocated: false };
  }
  const key = createHash('sha256').update(requested).digest('hex').slice(0, 12);
  const target = join(systemStateDir(env), `${basename(dirname(parent)) || 'mutu'}-${key}`, basename(requested));
  mkdirSync(dirname(target), { recursive: true, mode: 0o755 });
  mkdirSync(target, { recursive: true, mode: 0o700 });
  chown(user, target);
  if (!accountCan(user, ['-x', target, '-a', '-w', target])) throw unreachable(user, target);
  symlinkSync(target, requested);
  return { dir: target, relocated: true };
}

/** A throwaway directory for the database account: the temp directory when it can enter it. */
export function throwawayDir(user: PostgresOsUser, prefix: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = accountCan(user, ['-x', tmpdir(), '-a', '-w', tmpdir()]) ? tmpdir() : join(systemCacheDir(env), 'tmp');
  mkdirSync(base, { recursive: true, mode: 0o755 });
  const dir = mkdtempSync(join(base, prefix));
  chown(user, dir);
  return dir;
}

export function chown(user: PostgresOsUser, path: string): void {
  if (user.separate) chownSync(path, user.uid, user.gid);
}

function unreachable(user: PostgresOsUser, path: string): PrerequisiteError {
  return new PrerequisiteError(
    `PostgreSQL: the '${user.name}' account that runs the database cannot enter ${path}; remove it so it can be placed in ${systemStateDir()}, ` +
      `choose another DATA_DIR, or set DATABASE_URL.`,
  );
}

/** Version of the installed binaries package, so a cached copy is replaced when it changes. */
export function packageVersion(packageJson: string): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}
