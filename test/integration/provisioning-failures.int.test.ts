import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, PrerequisiteError, resolveChromium, resolveTimeSkippingServer } from '@mutu/provisioning';
import { expectGroupEmpty, runInOwnGroup, type GroupRun } from '../support/process-group';

// Each provisioning step made to fail, through the same entry points people use: `mutu start`
// (what `npm start` runs after building) and the test setup. Each must end with one sentence
// naming what failed, why and what to do, exit code 1, and nothing it started still running.

const root = join(__dirname, '..', '..');
const register = join(root, 'scripts', 'register-ts.js');
const scratch: string[] = [];

/** A directory the database account can enter even when we are root (temp dirs are 0700). */
function openDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  scratch.push(dir);
  return dir;
}

/**
 * The environment of a fresh shell: nothing of this test run's own stack (its database owner URL,
 * Temporal, Chromium, bundle) leaks in — a child given the run's DATABASE_OWNER_URL would provision
 * roles in the run's shared database.
 */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  for (const key of ['DATABASE_URL', 'DATABASE_OWNER_URL', 'TEMPORAL_ADDRESS', 'CHROMIUM_PATH', 'MUTU_WORKFLOW_BUNDLE', 'TEMPORAL_TEST_SERVER_PATH', 'AUDIT_SIGNING_KEY']) delete inherited[key];
  const env: NodeJS.ProcessEnv = { ...inherited, LOG_LEVEL: 'info', ...extra };
  for (const key of Object.keys(extra)) if (extra[key] === undefined) delete env[key];
  return env;
}

async function start(extra: NodeJS.ProcessEnv): Promise<GroupRun> {
  const env = cleanEnv({ DATABASE_URL: undefined, TEMPORAL_ADDRESS: undefined, DATA_DIR: openDir('mutu-fail-'), TEMPORAL_UI_PORT: String(await freePort()), API_PORT: String(await freePort()), ...extra });
  const run = await runInOwnGroup(process.execPath, ['-r', register, join(root, 'apps/cli/src/main.ts'), 'start'], { cwd: root, env, timeoutMs: 120_000 });
  await expectGroupEmpty(run.pgid);
  return run;
}

/** The verdict: exit 1, no stack trace, no unhandled error event, and a last line that is one sentence. */
function expectOneSentence(run: GroupRun, sentence: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(run.output).not.toMatch(/Unhandled 'error' event/);
  const lines = run.output.split('\n').map((l) => l.trim()).filter((l) => l && !/^\[mutu\] (stopping…|stopped)$/.test(l));
  const last = lines[lines.length - 1];
  expect(last).toMatch(sentence);
  expect(last).toMatch(/^\[mutu\] [^\n]+; [^\n]+\.$/);
}

function fakeBinDir(initdb: string): string {
  const bin = join(openDir('mutu-fakepg-'), 'bin');
  mkdirSync(bin);
  chmodSync(bin, 0o755);
  writeFileSync(join(bin, 'initdb'), initdb, { mode: 0o755 });
  writeFileSync(join(bin, 'postgres'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
  return bin;
}

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('a provisioning step that fails', () => {
  it('names a PostgreSQL binary directory without the binaries', async () => {
    const run = await start({ MUTU_POSTGRES_BIN_DIR: '/nonexistent/pg/bin' });
    expectOneSentence(run, /PostgreSQL: MUTU_POSTGRES_BIN_DIR=\/nonexistent\/pg\/bin has no postgres and initdb/);
  });

  it('says why initdb failed', async () => {
    const bin = fakeBinDir('#!/bin/sh\necho "initdb: error: simulated disk failure" >&2\nexit 1\n');
    const run = await start({ MUTU_POSTGRES_BIN_DIR: bin });
    expectOneSentence(run, /PostgreSQL: initdb could not create a database cluster in .* \(initdb exited with 1: initdb: error: simulated disk failure\)/);
  });

  it('says a DATABASE_URL that does not answer', async () => {
    const port = await freePort();
    const run = await start({ DATABASE_URL: `postgres://mutu:secret@127.0.0.1:${port}/mutu` });
    expectOneSentence(run, new RegExp(`PostgreSQL: cannot connect to DATABASE_URL postgres://mutu:\\*\\*\\*@127.0.0.1:${port}/mutu \\(ECONNREFUSED\\)`));
    expect(run.output).not.toContain('secret');
  });

  it('says a TEMPORAL_ADDRESS where nothing answers, and stops the database it started', async () => {
    const port = await freePort();
    const run = await start({ TEMPORAL_ADDRESS: `127.0.0.1:${port}` });
    expect(run.output).toMatch(/PostgreSQL: DATABASE_URL not set, embedded PostgreSQL/);
    expectOneSentence(run, new RegExp(`Temporal: nothing answers at TEMPORAL_ADDRESS=127.0.0.1:${port}`));
  });

  it('says a TEMPORAL_CLI_PATH that is not a program', async () => {
    const run = await start({ TEMPORAL_CLI_PATH: '/nonexistent/temporal' });
    expectOneSentence(run, /Temporal: TEMPORAL_CLI_PATH=\/nonexistent\/temporal is not an executable file/);
  });

  it('says the API port is taken, and stops PostgreSQL and the Temporal dev server', async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()));
    try {
      const run = await start({ API_PORT: String(port) });
      expect(run.output).toMatch(/Temporal: TEMPORAL_ADDRESS not set, dev server/);
      expectOneSentence(run, new RegExp(`API: the port ${port} on 127.0.0.1 is not available \\(EADDRINUSE\\)`));
    } finally {
      blocker.close();
    }
  });

  it('in the test setup, says Chromium is missing and stops the servers it started', async () => {
    const script = `require(${JSON.stringify(join(root, 'test/support/global-setup.ts'))}).default({})`;
    const env = cleanEnv({ DATABASE_URL: undefined, TEMPORAL_ADDRESS: undefined, CHROMIUM_PATH: '/nonexistent/chromium' });
    const run = await runInOwnGroup(process.execPath, ['-r', register, '-e', script], { cwd: root, env, timeoutMs: 120_000 });
    await expectGroupEmpty(run.pgid);
    expect(run.output).toMatch(/PostgreSQL: DATABASE_URL not set/);
    expectOneSentence(run, /test setup: Chromium: CHROMIUM_PATH=\/nonexistent\/chromium is not an executable file/);
  });

  it('says a missing time-skipping server or Chromium in one sentence', async () => {
    expect(() => resolveTimeSkippingServer(() => undefined, { TEMPORAL_TEST_SERVER_PATH: '/nonexistent/test-server' })).toThrow(PrerequisiteError);
    expect(() => resolveTimeSkippingServer(() => undefined, { TEMPORAL_TEST_SERVER_PATH: '/nonexistent/test-server' })).toThrow(
      /^Time-skipping server: TEMPORAL_TEST_SERVER_PATH=\/nonexistent\/test-server does not exist; .*\.$/,
    );
    await expect(resolveChromium(() => undefined, { CHROMIUM_PATH: '/nonexistent/chromium' })).rejects.toThrow(/^Chromium: CHROMIUM_PATH=\/nonexistent\/chromium is not an executable file; .*\.$/);
  });
});
