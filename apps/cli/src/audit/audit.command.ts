import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { CheckpointRepository, checkpointJournalDir, RunArchive, latestPublishedCheckpoint, programStreamId, publishCheckpoint, verifyBundle, verifyStore, type Checkpoint } from '@mutu/persistence';
import { exportProgramBundle, PROJECT_ROOT } from '@mutu/temporal';
import { progress } from '../progress';
import { AuditContext } from './audit-context';
import { replayPrograms } from './replay';

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

/** `mutu audit …`: exit 0 when everything holds, 2 when a verification fails. */
export function auditCommand(): Command {
  const audit = new Command('audit')
    .description('verify the event store\'s hash chains, sign checkpoints, export and verify audit bundles, replay Temporal histories')
    .addHelpText('after', '\nExit status: 0 when everything holds, 2 when a verification fails, 64 on a usage error, 1 on any other error.');

  audit
    .command('verify')
    .description('recompute the hash chains and report the first break per stream, held against the latest stored and published checkpoints')
    .argument('[programId]', 'verify this program\'s stream only')
    .option('--all', 'verify every stream of the store')
    .option('--checkpoint <file>', 'also hold the chains against this checkpoint file (one kept away from the database)')
    .action(async (programId: string | undefined, opts: { all?: boolean; checkpoint?: string }, cmd: Command) => {
      if (!opts.all && !programId) cmd.error('error: give a program id or --all', { exitCode: 64 });
      await withContext(verify)({ programId: opts.all ? undefined : programId, checkpoint: opts.checkpoint });
    });

  audit
    .command('checkpoint')
    .description('verify every stream, then sign the head of every stream, store it and publish it to the checkpoint journal')
    .option('--out <file>', 'also write the signed checkpoint to this file')
    .action((opts: { out?: string }) => withContext(checkpoint)(opts));

  audit
    .command('export')
    .description('write a program\'s audit bundle (.tar.gz): its events, a signed checkpoint and its Temporal run histories')
    .argument('<programId>', 'the program to export')
    .option('--out <file>', 'the bundle file (default: mutu-audit-<programId>-v<version>.tar.gz)')
    .action((programId: string, opts: { out?: string }) => withContext(exportBundle)(programId, opts));

  audit
    .command('verify-bundle')
    .description('verify an audit bundle offline (no database, no Temporal)')
    .argument('<file>', 'the bundle (.tar.gz)')
    .option('--public-key <pem>', 'the PEM file of the signing key the bundle\'s checkpoint must be signed with')
    .action((file: string, opts: { publicKey?: string }) => {
      if (!verifyBundleFile(file, opts)) process.exitCode = 2;
    });

  audit
    .command('replay')
    .description('replay programs\' Temporal histories against the current workflow code and cross-check their states with the events')
    .argument('[programIds...]', 'the programs to replay')
    .option('--all', 'replay every program')
    .action(async (programIds: string[], opts: { all?: boolean }, cmd: Command) => {
      if (!opts.all && programIds.length === 0) cmd.error('error: give program ids or --all', { exitCode: 64 });
      await withContext(replay)(programIds, opts);
    });
  return audit;
}
