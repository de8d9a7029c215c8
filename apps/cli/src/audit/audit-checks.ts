// The audit commands' work, loaded only when one runs (help and usage errors stay fast).
import { readFileSync, writeFileSync } from 'node:fs';
import { CheckpointRepository, checkpointJournalDir, RunArchive, latestPublishedCheckpoint, programStreamId, publishCheckpoint, verifyBundle, verifyStore, type Checkpoint } from '@mutu/persistence';
import { exportProgramBundle, PROJECT_ROOT } from '@mutu/temporal';
import { progress } from '../progress';
import { AuditContext } from './audit-context';
import { replayPrograms } from './replay';
import { replayHistoryFiles } from './replay-files';
import { quietSdkLogs } from './sdk-logs';

const out = (line: string) => process.stdout.write(`${line}\n`);

async function verify(ctx: AuditContext, opts: { programId?: string; checkpoint?: string }): Promise<boolean> {
  const ds = await ctx.db();
  const checkpoints: Checkpoint[] = [];
  // The database's own latest copy and the latest published one (which its owner cannot rewrite).
  const latest = await new CheckpointRepository(ds).latest();
  if (latest) checkpoints.push(latest);
  const published = latestPublishedCheckpoint(checkpointJournalDir(ctx.config, PROJECT_ROOT));
  if (published) checkpoints.push(published);
  if (opts.checkpoint) checkpoints.push(JSON.parse(readFileSync(opts.checkpoint, 'utf8')) as Checkpoint);
  const bar = progress({ label: 'verifying', unit: 'events', everyItems: 50_000 });
  const report = await verifyStore(ds, {
    streamId: opts.programId ? programStreamId(opts.programId) : undefined,
    checkpoints,
    trustedPublicKeyPem: ctx.key().publicKeyPem,
    onProgress: (done, total) => bar.update(done, total),
  }).finally(() => bar.stop());
  const rate = report.elapsedMs > 0 ? Math.round((report.events / report.elapsedMs) * 1000) : report.events;
  out(`${report.streams} stream(s), ${report.events} event(s) verified in ${report.elapsedMs} ms (${rate.toLocaleString('en')} events/s)`);
  out(checkpoints.length ? `held against ${checkpoints.length} checkpoint(s)` : 'no checkpoint yet: truncation cannot be ruled out (run `mutu audit checkpoint`)');
  for (const p of report.checkpointProblems) out(`CHECKPOINT  ${p}`);
  for (const b of report.breaks) out(`BROKEN  ${b.streamId}  ${b.kind} at version ${b.version}: ${b.detail}`);
  out(report.ok ? 'OK: every chain is intact' : `FAILED: ${report.breaks.length} broken stream(s)`);
  return report.ok;
}

async function checkpoint(ctx: AuditContext, opts: { out?: string }): Promise<boolean> {
  if (!(await verify(ctx, {}))) {
    out('refusing to sign a checkpoint over broken chains');
    return false;
  }
  const c = await new CheckpointRepository(await ctx.db()).create(ctx.key());
  out(`checkpoint ${c.checkpointId}: ${c.streams} stream(s), ${c.events} event(s), root ${c.root}`);
  out(`published to ${publishCheckpoint(checkpointJournalDir(ctx.config, PROJECT_ROOT), c)}`);
  if (opts.out) {
    writeFileSync(opts.out, JSON.stringify(c, null, 2) + '\n');
    out(`written to ${opts.out}: keep a copy away from the database`);
  }
  return true;
}

async function exportBundle(ctx: AuditContext, id: string, opts: { out?: string }): Promise<boolean> {
  const bar = progress({ label: 'exporting', unit: 'steps', steps: true });
  const step = (done: number, name: string) => bar.update(done, 4, name);
  try {
    step(0, 'connecting');
    const ds = await ctx.db();
    const deps = { ds, store: await ctx.store(), client: await ctx.client(), key: ctx.key() };
    step(1, 'reading events, checkpoint and Temporal runs');
    const { archive, manifest } = await exportProgramBundle(deps, id);
    step(2, 'writing the bundle');
    const file = opts.out ?? `mutu-audit-${id}-v${manifest.head.version}.tar.gz`;
    writeFileSync(file, archive);
    step(4, 'written');
    bar.stop();
    out(`${file}: ${manifest.events} event(s), ${manifest.runs.length} Temporal run(s), ${archive.length} bytes`);
    return true;
  } finally {
    bar.stop();
  }
}

function verifyBundleFile(file: string, opts: { publicKey?: string }): boolean {
  const report = verifyBundle(readFileSync(file), opts.publicKey ? readFileSync(opts.publicKey, 'utf8') : undefined);
  out(`${file}: program ${report.programId ?? '?'}, ${report.events} event(s), ${report.runs} Temporal run(s)`);
  for (const n of report.notes) out(`NOTE    ${n}`);
  for (const p of report.problems) out(`PROBLEM ${p}`);
  for (const b of report.breaks) out(`BROKEN  ${b.kind} at version ${b.version}: ${b.detail}`);
  out(report.ok ? 'OK: the bundle is intact' : 'FAILED');
  return report.ok;
}

async function replay(ctx: AuditContext, programIds: string[], opts: { all?: boolean }): Promise<boolean> {
  const ds = await ctx.db();
  const ids = opts.all
    ? ((await ds.query('SELECT program_id FROM programs ORDER BY program_id')) as { program_id: string }[]).map((r) => r.program_id)
    : programIds;
  if (ids.length === 0) throw new Error('give program ids or --all');
  quietSdkLogs();
  const started = Date.now();
  const fetching = progress({ label: 'fetching histories', unit: 'programs', everyItems: 100 });
  const replaying = progress({ label: 'replaying', unit: 'runs', everyItems: 100 });
  const stop = () => [fetching, replaying].forEach((b) => b.stop());
  const results = await replayPrograms({ client: await ctx.client(), store: await ctx.store(), archive: new RunArchive(ds) }, ids, {
    onProgress: (phase, done, total) => {
      if (phase === 'replay') fetching.stop();
      (phase === 'fetch' ? fetching : replaying).update(done, total);
    },
    onProgram: (r) => {
      stop();
      out(`${r.ok ? 'OK    ' : 'FAILED'}  ${r.programId}  ${r.runs} run(s), ${r.historyEvents} history event(s)`);
      for (const n of r.nondeterminism) out(`        non-determinism in run ${n.runId}: ${n.message.split('\n')[0]}`);
      for (const d of r.divergence) out(`        divergence in run ${d.runId}: ${d.message}`);
    },
  }).finally(stop);
  const failed = results.filter((r) => !r.ok).length;
  out(`${results.length} program(s) replayed in ${Date.now() - started} ms; ${failed} failed`);
  return failed === 0;
}

/** Runs one audit check with its connections; a failed check exits 2. */
function withContext<A extends unknown[]>(run: (ctx: AuditContext, ...args: A) => Promise<boolean>) {
  return async (...args: A) => {
    const ctx = new AuditContext();
    try {
      if (!(await run(ctx, ...args))) process.exitCode = 2;
    } finally {
      await ctx.close();
    }
  };
}

export const runVerify = withContext(verify);
export const runCheckpoint = withContext(checkpoint);
export const runExport = withContext(exportBundle);
export const runReplay = withContext(replay);
export async function runReplayFiles(dir: string): Promise<void> {
  quietSdkLogs();
  if (!(await replayHistoryFiles(dir))) process.exitCode = 2;
}
export function runVerifyBundle(file: string, opts: { publicKey?: string }): void {
  if (!verifyBundleFile(file, opts)) process.exitCode = 2;
}
