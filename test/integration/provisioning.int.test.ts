import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionPostgres, resolveTemporalCli, resolveTimeSkippingServer } from '@mutu/provisioning';

function fakeExecutable(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, '#!/bin/sh\nexit 0\n');
  chmodSync(file, 0o755);
  return file;
}

const root = join(__dirname, '..', '..');

describe('provisioning', () => {
  it('uses DATABASE_URL as given, once it answers, and says so without its password', async () => {
    const lines: string[] = [];
    const url = process.env.DATABASE_URL!; // this run's own server, which answers
    const pg = await provisionPostgres({ databaseUrl: url, log: (l) => lines.push(l) });
    expect(pg.url).toBe(url);
    const { username, password } = new URL(url);
    expect(lines.join('\n')).toContain(`using DATABASE_URL (postgres://${username}:***@`);
    expect(lines.join('\n')).not.toContain(password);
    await pg.stop();
  });

  it('refuses a DATABASE_URL whose host does not resolve, in one sentence', async () => {
    await expect(provisionPostgres({ databaseUrl: 'postgres://u:secret@db.invalid:5432/x', log: () => undefined })).rejects.toThrow(
      /^PostgreSQL: cannot connect to DATABASE_URL postgres:\/\/u:\*\*\*@db\.invalid:5432\/x \(ENOTFOUND\); .*\.$/,
    );
  });

  const child = (mode: string, dataDir = ''): { kept: boolean; lines: string[] } => {
    const out = spawnSync(process.execPath, ['-r', join(root, 'scripts/register-ts.js'), join(root, 'test/support/provision-child.ts'), mode, dataDir], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    });
    if (out.status !== 0) throw new Error(out.stderr);
    return JSON.parse(out.stdout.trim().split('\n').pop()!);
  };

  it('keeps a persistent embedded database across restarts', () => {
    const parent = mkdtempSync(join(tmpdir(), 'mutu-prov-'));
    chmodSync(parent, 0o755); // the postgres user (when run as root) must reach the directory
    const dataDir = join(parent, 'pg');
    expect(child('create', dataDir).lines.join('\n')).toMatch(/embedded PostgreSQL .* data in .*\(new\)/);
    const second = child('read', dataDir);
    expect(second.kept).toBe(true);
    expect(second.lines.join('\n')).not.toMatch(/\(new\)/);
  });

  it('starts a throwaway embedded database that keeps nothing', () => {
    const result = child('create');
    expect(result.lines.join('\n')).toMatch(/throwaway data directory/);
    expect(child('read').kept).toBe(false);
  });
});

describe('finding the temporal CLI', () => {
  const base = () => mkdtempSync(join(tmpdir(), 'mutu-cli-'));

  it('prefers TEMPORAL_CLI_PATH', () => {
    const cli = fakeExecutable(base(), 'my-temporal');
    expect(resolveTemporalCli(() => undefined, { TEMPORAL_CLI_PATH: cli, PATH: '' })).toEqual({ path: cli, source: 'TEMPORAL_CLI_PATH' });
  });

  it('refuses a TEMPORAL_CLI_PATH that is not executable, naming it', () => {
    expect(() => resolveTemporalCli(() => undefined, { TEMPORAL_CLI_PATH: '/nonexistent/temporal', PATH: '' })).toThrow(/TEMPORAL_CLI_PATH=\/nonexistent\/temporal/);
  });

  it('then looks on PATH, then in the user cache', () => {
    const dir = base();
    const onPath = fakeExecutable(join(dir, 'bin'), 'temporal');
    expect(resolveTemporalCli(() => undefined, { PATH: join(dir, 'bin'), MUTU_CACHE_DIR: join(dir, 'cache') }).source).toBe('PATH');
    const cached = fakeExecutable(join(dir, 'cache', 'bin'), 'temporal');
    expect(resolveTemporalCli(() => undefined, { PATH: '', MUTU_CACHE_DIR: join(dir, 'cache') })).toEqual({ path: cached, source: 'cache' });
    expect(onPath).not.toBe(cached);
  });

  it('falls back to the SDK download without a CLI or Go, and says why', () => {
    const lines: string[] = [];
    const dir = base();
    expect(resolveTemporalCli((l) => lines.push(l), { PATH: join(dir, 'empty'), MUTU_CACHE_DIR: join(dir, 'cache') })).toEqual({ source: 'sdk-download' });
    expect(lines[0]).toMatch(/no Go; falling back to the Temporal SDK download/);
  });

  it('uses the SDK download for the time-skipping server without Java or Maven', () => {
    const lines: string[] = [];
    expect(resolveTimeSkippingServer((l) => lines.push(l), { PATH: '/nonexistent' })).toEqual({ type: 'cached-download' });
    expect(lines[0]).toMatch(/Java or Maven not found/);
  });
});
