import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { loadConfig, type Config } from '@mutu/config';
import { CHECKPOINT_JOURNAL, createDataSource, EventStore, latestPublishedCheckpoint, migrate, readPublishedCheckpoints, verifyStore } from '@mutu/persistence';
import { happyPath } from '@mutu/domain/testing';
import type { ProgramCommand } from '@mutu/domain';
import { AuditActivitiesService } from '../../apps/worker/src/activities/audit.activities.service';
import { CHECKPOINT_SCHEDULE_ID, CheckpointScheduleService } from '../../apps/worker/src/activities/checkpoint-schedule.service';
import { createWorker } from '../../apps/worker/src/create-worker';
import { appendProgram } from './audit-tamper.support';
import { until } from '../support/until';

// Checkpoints are signed on a schedule and published where the database's owner cannot rewrite
// them: an append-only journal and the auditors' mailboxes. Deleting the tail of a stream after a
// checkpoint is then found, naming the stream and the first missing version.

const root = join(__dirname, '..', '..');
const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('published audit checkpoints', () => {
  let ds: DataSource;
  let smtp: SMTPServer;
  let journalDir: string;
  let config: Config;
  const mails: { to: string; subject: string; text: string }[] = [];

  let dbUrl: string;
  const ownerUrl = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL!;
  const database = `mutu_checkpoints_${process.pid}`;

  beforeAll(async () => {
    // A database of its own: other tests leave deliberately broken streams in the shared one, and
    // a checkpoint is never signed over a broken chain. The owner's connection: the test deletes
    // events on purpose, as an attacker with the owner's rights would.
    const admin = createDataSource({ url: ownerUrl, poolSize: 1 });
    await admin.initialize();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.destroy();
    dbUrl = ownerUrl.replace(/\/[^/?]+(\?|$)/, `/${database}$1`);
    ds = createDataSource({ url: dbUrl, poolSize: 4 });
    await ds.initialize();
    await migrate(ds);
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, cb) {
        simpleParser(stream)
          .then((m) => {
            mails.push({ to: (m.to as { text: string }).text, subject: m.subject ?? '', text: m.text ?? '' });
            cb();
          })
          .catch(cb);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    journalDir = mkdtempSync(join(tmpdir(), 'mutu-checkpoints-'));
    config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      AUDIT_SIGNING_KEY: signingKey,
      AUDIT_CHECKPOINT_DIR: journalDir,
      AUDIT_CHECKPOINT_RECIPIENTS: 'inspektorat@audit.example, bpk@audit.example',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String((smtp.server.address() as AddressInfo).port),
      TEMPORAL_TASK_QUEUE: `checkpoints-${process.pid}-${Date.now()}`,
      DATABASE_URL: dbUrl,
      DATABASE_OWNER_URL: undefined,
    });
  });

  afterAll(async () => {
    await ds.destroy();
    const admin = createDataSource({ url: ownerUrl, poolSize: 1 });
    await admin.initialize();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.destroy();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    rmSync(journalDir, { recursive: true, force: true });
  });

  const commands = (): ProgramCommand[] => {
    const g = happyPath(2);
    return [...g.plan, ...g.assign] as ProgramCommand[];
  };

  it('signs, stores, journals and emails a checkpoint; the deleted tail of a stream is then found', async () => {
    const streamId = await appendProgram(new EventStore(ds), commands(), 'checkpoint-test');
    const [{ n }] = (await ds.query('SELECT max(version) AS n FROM events WHERE stream_id = $1', [streamId])) as { n: number }[];
    const service = new AuditActivitiesService(ds, config, new CheckpointScheduleService(config));
    const published = await service.publishCheckpoint({ reason: 'test' });
    const journal = readPublishedCheckpoints(journalDir);
    expect(journal).toHaveLength(1);
    expect(journal[0].checkpointId).toBe(published.checkpointId);
    expect(journal[0].heads).toContainEqual(expect.objectContaining({ streamId, version: Number(n) }));
    expect(readFileSync(join(journalDir, CHECKPOINT_JOURNAL), 'utf8').trim().split('\n')).toHaveLength(1);
    await until('both auditors to receive the checkpoint', () => mails.length >= 2);
    expect(mails.map((m) => m.to).sort()).toEqual(['bpk@audit.example', 'inspektorat@audit.example']);
    expect(mails[0].subject).toContain(`checkpoint ${published.checkpointId}`);
    expect(mails[0].text).toContain(published.root);

    // The owner deletes the last event: the chain that is left is self-consistent, only the checkpoint remembers.
    await ds.transaction(async (tx) => {
      await tx.query(`SET LOCAL mutu.allow_event_rewrite = 'on'`);
      await tx.query('DELETE FROM events WHERE stream_id = $1 AND version = $2', [streamId, n]);
    });
    const report = await verifyStore(ds, { streamId, checkpoints: [latestPublishedCheckpoint(journalDir)!] });
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual([expect.objectContaining({ streamId, kind: 'truncated', version: Number(n) })]);

    // The CLI reads the published journal too and names the stream and the first missing version.
    const cli = spawnSync(process.execPath, ['-r', join(root, 'scripts/register-ts.js'), join(root, 'apps/cli/src/main.ts'), 'audit', 'verify', '--all'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: dbUrl, DATABASE_OWNER_URL: '', AUDIT_SIGNING_KEY: signingKey, AUDIT_CHECKPOINT_DIR: journalDir, NODE_ENV: 'test' },
    });
    expect({ status: cli.status, out: cli.stdout }).toEqual({ status: 2, out: expect.stringContaining(`BROKEN  ${streamId}  truncated at version ${n}`) }); // 2: verification failed
    expect(cli.stdout).toMatch(new RegExp(`BROKEN  ${streamId}  truncated at version ${n}`));

    // Nothing new is signed over the broken chain; the auditors are told instead.
    const before = mails.length;
    await expect(service.publishCheckpoint({ reason: 'after tamper' })).rejects.toThrow(/refusing to sign a checkpoint over broken chains/);
    expect(readPublishedCheckpoints(journalDir)).toHaveLength(1);
    await until('the failure alert to reach both auditors', () => mails.length >= before + 2);
    expect(mails[mails.length - 1].subject).toMatch(/verification FAILED/);
    expect(mails[mails.length - 1].text).toContain(streamId);
  });

  it('keeps a Temporal Schedule that publishes a checkpoint when triggered', async () => {
    const worker = await createWorker(config, { checkpointSchedule: true, dispatcher: false });
    const run = worker.run();
    try {
      const before = readPublishedCheckpoints(journalDir).length;
      const { Client, Connection } = await import('@temporalio/client');
      const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
      try {
        const handle = new Client({ connection }).schedule.getHandle(CHECKPOINT_SCHEDULE_ID);
        const described = await handle.describe();
        expect(described.spec.intervals).toEqual([expect.objectContaining({ every: 60 * 60_000 })]);
        await handle.trigger();
        // The first test left a truncated stream: the triggered run refuses and alerts the auditors.
        const alerts = mails.length;
        await until('the triggered checkpoint run to alert the auditors', () => mails.length >= alerts + 2, 60_000);
        expect(mails[mails.length - 1].subject).toMatch(/verification FAILED/);
        expect(readPublishedCheckpoints(journalDir)).toHaveLength(before);
        await handle.delete();
      } finally {
        await connection.close();
      }
    } finally {
      worker.shutdown();
      await run;
    }
  });
});
