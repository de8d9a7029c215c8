import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const root = join(__dirname, '..', '..');
const node = (args: string[]) =>
  spawnSync(process.execPath, ['-r', join(root, 'scripts/register-ts.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', TEMPORAL_ADDRESS: '' } });

function portAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('audit bundle, verified with the database stopped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mutu-bundle-'));
  const bundle = join(dir, 'program.tar.gz');
  let exported: { events: number; pgUrl: string; publicKeyPem: string };

  beforeAll(() => {
    const run = node([join(root, 'test/support/export-bundle-child.ts'), bundle]);
    if (run.status !== 0) throw new Error(run.stderr);
    exported = JSON.parse(run.stdout.trim().split('\n').pop()!);
  });

  it('verifies offline with `mutu audit verify-bundle` after the database that produced it is gone', async () => {
    expect(await portAnswers(exported.pgUrl)).toBe(false);
    const keyFile = join(dir, 'public.pem');
    writeFileSync(keyFile, exported.publicKeyPem);
    const run = node([join(root, 'apps/cli/src/main.ts'), 'audit', 'verify-bundle', bundle, '--public-key', keyFile]);
    expect(run.stdout).toMatch(new RegExp(`${exported.events} event\\(s\\)`));
    expect(run.stdout).toMatch(/OK: the bundle is intact/);
    expect(run.status).toBe(0);
  });

  it('fails offline when one byte of an event in the archive is changed', () => {
    const tar = gunzipSync(readFileSync(bundle));
    const at = tar.indexOf(Buffer.from('"SubmitPlan"'));
    expect(at).toBeGreaterThan(0);
    tar[at + 2] = 'X'.charCodeAt(0);
    const tampered = join(dir, 'tampered.tar.gz');
    writeFileSync(tampered, gzipSync(tar));
    const run = node([join(root, 'apps/cli/src/main.ts'), 'audit', 'verify-bundle', tampered]);
    expect(run.stdout).toMatch(/FAILED/);
    expect(run.status).toBe(2);
  });
});
