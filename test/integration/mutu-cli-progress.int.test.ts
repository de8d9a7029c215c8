import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { happyPath } from '@mutu/domain/testing';
import type { ProgramCommand } from '@mutu/domain';
import { createDataSource, EventStore, migrate } from '@mutu/persistence';
import { appendProgram } from './audit-tamper.support';

// `mutu audit verify --all` with its output going to a pipe (as in CI or a log file): the progress
// comes as plain lines with counts on stderr, with no carriage return or escape code, and the
// report on stdout stays as it was.

const root = join(__dirname, '..', '..');
const ownerUrl = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL!;
const database = `mutu_cli_progress_${process.pid}`;

describe('mutu audit verify --all off a terminal', () => {
  let ds: DataSource;
  let dbUrl: string;
  let events: number;

  beforeAll(async () => {
    // A store of its own: other tests leave deliberately broken streams in the shared one.
    const admin = createDataSource({ url: ownerUrl, poolSize: 1 });
    await admin.initialize();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.destroy();
    dbUrl = ownerUrl.replace(/\/[^/?]+(\?|$)/, `/${database}$1`);
    ds = createDataSource({ url: dbUrl, poolSize: 2 });
    await ds.initialize();
    await migrate(ds);
    const g = happyPath(2);
    const commands = [...g.plan, ...g.assign, ...g.execute, ...g.document, ...g.report] as ProgramCommand[];
    const store = new EventStore(ds);
    for (let i = 0; i < 8; i++) await appendProgram(store, commands, 'cli-progress');
    events = Number((await ds.query('SELECT count(*) AS n FROM events'))[0].n);
    // The verifier's total is the planner's estimate: make it the real count.
    await ds.query('ANALYZE events');
  });

  afterAll(async () => {
    await ds?.destroy();
    const admin = createDataSource({ url: ownerUrl, poolSize: 1 });
    await admin.initialize();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.destroy();
  });

  it('prints plain progress lines with counts and rate on stderr, and the report on stdout', () => {
    const run = spawnSync(process.execPath, ['-r', join(root, 'scripts/register-ts.js'), join(root, 'apps/cli/src/main.ts'), 'audit', 'verify', '--all'], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        DATABASE_OWNER_URL: '',
        AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        AUDIT_CHECKPOINT_DIR: mkdtempSync(join(tmpdir(), 'mutu-cli-progress-')),
        NODE_ENV: 'test',
      },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`8 stream(s), ${events} event(s) verified`);
    expect(run.stdout).toMatch(/OK: every chain is intact/);
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).not.toContain('\u001b');
    const lines = run.stderr.trimEnd().split('\n').filter((l) => l.startsWith('verifying: '));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const n = events.toLocaleString('en');
    expect(lines[0]).toMatch(new RegExp(`^verifying: [\\d,]+(/${n})? events( \\(\\d+%\\))?, [\\d,]+ events/s$`));
    expect(lines[lines.length - 1]).toMatch(new RegExp(`^verifying: done: ${n} events in \\d+\\.\\d s, [\\d,]+ events/s$`));
  });
});
