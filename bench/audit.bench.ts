// `npm run bench -- audit`: hash-chain verification speed (events/s over AUDIT_BENCH_EVENTS,
// default 1,000,000, against raw SHA-256 over the same bytes), asOf latency for a 2,000-event
// program, and replay speed over the histories in test/replay/histories (when any are there),
// beside the SDK's own replay worker on the same histories.
import { createHash, hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { createDataSource, EventStore, canonicalJson, foldStored, migrate, rowHash, verifyStore, GENESIS_HASH } from '@mutu/persistence';
import { PROJECT_ROOT, workflowCodeOptions } from '@mutu/temporal';
import { describeReplayFailure, historyFiles, readHistoryFile, replayHistories } from '@mutu/temporal/replay';
import { benchEnv, percentile, report, type BenchRow } from './support/bench-env';

const EVENTS = Number(process.env.AUDIT_BENCH_EVENTS ?? 1_000_000);
const PER_STREAM = 1_000;
const BATCH = 5_000;

/** Realistic-sized event bodies (~300 bytes of data), chained per stream. */
function eventAt(i: number) {
  const stream = Math.floor(i / PER_STREAM);
  const version = (i % PER_STREAM) + 1;
  return {
    streamId: `bench-${String(stream).padStart(6, '0')}`,
    version,
    type: 'EvidenceAttached',
    data: { activityId: `act-${version % 7}`, evidence: { sha256: createHash('sha256').update(String(i)).digest('hex'), kind: 'photo', filename: `foto-${i}.jpg`, size: 1024 + i, mimeType: 'image/jpeg' }, by: 'u-staff', role: 'staff', at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString() },
    metadata: { v: 1, actorId: 'u-staff', actorRoles: ['staff'], commandType: 'AttachEvidence' },
    occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  };
}

async function seed(ds: import('typeorm').DataSource): Promise<void> {
  await ds.query(`SET session_replication_role = replica`).catch(() => undefined);
  let prev = GENESIS_HASH;
  for (let start = 0; start < EVENTS; start += BATCH) {
    const n = Math.min(BATCH, EVENTS - start);
    const cols: unknown[][] = [[], [], [], [], [], [], [], []];
    for (let i = start; i < start + n; i++) {
      const e = eventAt(i);
      if (e.version === 1) prev = GENESIS_HASH;
      const hash = rowHash(prev, e.streamId, e.version, e.type, e.data, e.metadata, e.occurredAt);
      [e.streamId, e.version, e.type, canonicalJson(e.data), canonicalJson(e.metadata), e.occurredAt, prev, hash].forEach((v, k) => cols[k].push(v));
      prev = hash;
    }
    // One statement per batch: unnest of column arrays beats per-row placeholders.
    await ds.query(
      `INSERT INTO events (stream_id, version, type, data, metadata, occurred_at, command_id, command_index, prev_hash, hash)
       SELECT s, v, t, d::json, m::json, o::timestamptz, s || ':' || v, 0, p, h
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS x(s, v, t, d, m, o, p, h)`,
      cols,
    );
  }
  await ds.query('ANALYZE events');
}

/** Raw SHA-256 over the same bytes the verifier hashes (prev hash + canonical body), one-shot as the verifier hashes. */
function rawShaBaseline(): number {
  const sample = Math.min(EVENTS, 200_000);
  const bodies: string[] = [];
  for (let i = 0; i < sample; i++) {
    const e = eventAt(i);
    bodies.push(GENESIS_HASH + canonicalJson({ data: e.data, metadata: e.metadata, occurredAt: e.occurredAt, streamId: e.streamId, type: e.type, version: e.version }));
  }
  const t = performance.now();
  for (const b of bodies) hash('sha256', b, 'hex');
  return sample / ((performance.now() - t) / 1000);
}

/**
 * Replay speed over the committed histories (current and legacy), read and replayed as `mutu
 * audit replay --histories test/replay/histories` does (@mutu/temporal/replay), from the prebuilt
 * bundle `npm run build` writes. The same-run baseline is the SDK's replay worker as it comes
 * (Worker.runReplayHistories, what the replay used before), same bundle, same histories. It runs
 * first: the replayer switches off a process-wide promise hook that the SDK would not put back.
 */
async function replaySpeed(): Promise<{ rows: BenchRow[]; extra: Record<string, unknown> }> {
  const root = join(PROJECT_ROOT, 'test', 'replay', 'histories');
  const histories = existsSync(root) ? historyFiles(root).map((f) => readHistoryFile(f, root)) : [];
  if (histories.length === 0) return { rows: [], extra: { replay: 'skipped: no histories in test/replay/histories (npm run record-histories)' } };
  const events = histories.reduce((n, h) => n + (h.history.events?.length ?? 0), 0);
  const bundlePath = join(PROJECT_ROOT, 'dist', 'workflow-bundle.js');
  const code = workflowCodeOptions(existsSync(bundlePath) ? bundlePath : undefined);
  const loadAverage = loadavg();
  let t = performance.now();
  let sdkFailed = 0;
  for await (const r of Worker.runReplayHistories({ ...code, replayName: 'bench-sdk-replay' }, histories)) if (r.error) sdkFailed++;
  const sdk = { seconds: (performance.now() - t) / 1000, failed: sdkFailed };
  t = performance.now();
  const failures: string[] = [];
  for await (const r of replayHistories(histories, { code, replayName: 'bench-replay' })) if (r.error) failures.push(describeReplayFailure(r));
  const replayer = { seconds: (performance.now() - t) / 1000, failed: failures.length };
  for (const f of failures) console.log(`replay FAILED  ${f}`);
  const baseline = { name: "same histories and bundle, the SDK's replay worker as it comes (before)", value: histories.length / sdk.seconds };
  const rate = histories.length / replayer.seconds;
  const rows: BenchRow[] = [
    { name: `replay ${histories.length} committed histories (mutu audit replay's replayer)`, value: rate, unit: 'histories/s', baseline, target: '>= 30', pass: rate >= 30 && replayer.failed === 0 },
    { name: "replay events (mutu audit replay's replayer)", value: events / replayer.seconds, unit: 'events/s', baseline: { name: "the SDK's replay worker", value: events / sdk.seconds } },
  ];
  const extra = { replayHistories: histories.length, replayEvents: events, replayFailed: replayer.failed, replayFailedBaseline: sdk.failed, replayFailures: failures, replayLoadAverage: loadAverage };
  return { rows, extra };
}

export async function main(): Promise<void> {
  // Replay first: it needs no database, and seeding leaves PostgreSQL busy for a while after.
  const replay = await replaySpeed();
  const env = await benchEnv({ postgres: true });
  const ds = createDataSource({ url: env.pg!.url, poolSize: 4 });
  await ds.initialize();
  try {
    await migrate(ds);
    const t0 = performance.now();
    await seed(ds);
    console.log(`seeded ${EVENTS} events in ${Math.round(performance.now() - t0)} ms`);

    // The default (one connection per core) is the figure; one connection shows what the ranges add.
    const verify = await verifyStore(ds);
    if (!verify.ok) throw new Error(`the generated chain does not verify: ${JSON.stringify(verify.breaks.slice(0, 3))}`);
    const rate = verify.events / (verify.elapsedMs / 1000);
    const single = await verifyStore(ds, { parallel: 1 });
    const baseline = rawShaBaseline();
    const sha = { name: 'raw sha256 same bytes, one thread', value: baseline };
    const rows: BenchRow[] = [
      { name: `chain verification (${verify.events} events, ${availableParallelism()} connections)`, value: rate, unit: 'events/s', baseline: sha, target: '>= 200000', pass: rate >= 200_000 },
      { name: `chain verification (${single.events} events, 1 connection)`, value: single.events / (single.elapsedMs / 1000), unit: 'events/s', baseline: sha },
    ];

    // asOf: the first 2,000 events of one long stream, folded with the domain's evolve.
    const store = new EventStore(ds);
    const { appendProgram } = await import('../test/integration/audit-tamper.support');
    const { actors, command, completeReport, happyPath } = await import('../libs/domain/src/testing');
    const g = happyPath(200);
    // Report edits after documentation fill the stream up to (and past) 2,000 events.
    const edits = Array.from({ length: 800 }, () => command('EditReport', actors.qaTeam, { sections: completeReport }));
    const streamId = await appendProgram(store, [...g.plan, ...g.assign, ...g.execute, ...g.document, ...edits] as never, 'bench-asof');
    const length = await store.currentVersion(streamId);
    const samples: number[] = [];
    for (let i = 0; i < 40; i++) {
      const v = 1 + Math.floor(((i * 7919) % 1000) / 1000 * Math.min(2000, length));
      const t = performance.now();
      foldStored(await store.readStream(streamId, { toVersion: Math.max(v, Math.min(2000, length)) }));
      samples.push(performance.now() - t);
    }
    rows.push(
      { name: `asOf p50 (${Math.min(2000, length)}-event program)`, value: percentile(samples, 50), unit: 'ms', target: '<= 50', pass: percentile(samples, 50) <= 50 },
      { name: `asOf p95 (${Math.min(2000, length)}-event program)`, value: percentile(samples, 95), unit: 'ms', target: '<= 50', pass: percentile(samples, 95) <= 50 },
    );
    rows.push(...replay.rows);
    // The machine is shared: the load average says how much of it the figures had.
    const benchCommand = `${process.env.AUDIT_BENCH_EVENTS ? `AUDIT_BENCH_EVENTS=${EVENTS} ` : ''}npm run bench -- audit`;
    report('audit', rows, { command: benchCommand, loadAverage: loadavg(), events: EVENTS, perStream: PER_STREAM, asOfEvents: Math.min(2000, length), ...replay.extra });
  } finally {
    await ds.destroy();
    await env.stop();
  }
}
