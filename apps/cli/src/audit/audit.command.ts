import { readFileSync, writeFileSync } from 'node:fs';
import { CheckpointRepository, checkpointJournalDir, RunArchive, latestPublishedCheckpoint, programStreamId, publishCheckpoint, verifyBundle, verifyStore, type Checkpoint } from '@mutu/persistence';
import { exportProgramBundle, PROJECT_ROOT } from '@mutu/temporal';
import { AuditContext, flag, progressBar } from './audit-context';
import { replayPrograms } from './replay';

const USAGE = `usage: mutu audit <command>

  verify <programId>|--all [--checkpoint file]   recompute hash chains, report the first break per stream
  checkpoint [--out file]                         verify everything, then sign and store the head of every stream
  export <programId> [--out file]                 write the program's audit bundle (.tar.gz)
  verify-bundle <file> [--public-key pem]         verify a bundle offline (no database, no Temporal)
  replay <programId>|--all                        replay Temporal histories against the current workflow code
`;

const out = (line: string) => process.stdout.write(`${line}\n`);

async function verify(ctx: AuditContext, args: string[]): Promise<boolean> {
  const all = args.includes('--all');
  const id = all ? undefined : args.find((a) => !a.startsWith('--'));
  if (!all && !id) throw new Error('give a program id or --all');
  const ds = await ctx.db();
  const checkpoints: Checkpoint[] = [];
  // The database's own latest copy and the latest published one (which its owner cannot rewrite).
  const latest = await new CheckpointRepository(ds).latest();
  if (latest) checkpoints.push(latest);
  const published = latestPublishedCheckpoint(checkpointJournalDir(ctx.config, PROJECT_ROOT));
  if (published) checkpoints.push(published);
  const file = flag(args, '--checkpoint');
  if (file) checkpoints.push(JSON.parse(readFileSync(file, 'utf8')) as Checkpoint);
  const report = await verifyStore(ds, {
    streamId: id ? programStreamId(id) : undefined,
    checkpoints,
    trustedPublicKeyPem: ctx.key().publicKeyPem,
    onProgress: progressBar('verifying'),
  });
  const rate = report.elapsedMs > 0 ? Math.round((report.events / report.elapsedMs) * 1000) : report.events;
  out(`${report.streams} stream(s), ${report.events} event(s) verified in ${report.elapsedMs} ms (${rate.toLocaleString('en')} events/s)`);
  out(checkpoints.length ? `held against ${checkpoints.length} checkpoint(s)` : 'no checkpoint yet: truncation cannot be ruled out (run `mutu audit checkpoint`)');
  for (const p of report.checkpointProblems) out(`CHECKPOINT  ${p}`);
  for (const b of report.breaks) out(`BROKEN  ${b.streamId}  ${b.kind} at version ${b.version}: ${b.detail}`);
  out(report.ok ? 'OK: every chain is intact' : `FAILED: ${report.breaks.length} broken stream(s)`);
  return report.ok;
}

async function checkpoint(ctx: AuditContext, args: string[]): Promise<boolean> {
  if (!(await verify(ctx, ['--all']))) {
    out('refusing to sign a checkpoint over broken chains');
    return false;
  }
  const c = await new CheckpointRepository(await ctx.db()).create(ctx.key());
  out(`checkpoint ${c.checkpointId}: ${c.streams} stream(s), ${c.events} event(s), root ${c.root}`);
  out(`published to ${publishCheckpoint(checkpointJournalDir(ctx.config, PROJECT_ROOT), c)}`);
  const file = flag(args, '--out');
  if (file) {
    writeFileSync(file, JSON.stringify(c, null, 2) + '\n');
    out(`written to ${file}: keep a copy away from the database`);
  }
  return true;
}

async function exportBundle(ctx: AuditContext, args: string[]): Promise<boolean> {
  const id = args.find((a) => !a.startsWith('--') && a !== flag(args, '--out'));
  if (!id) throw new Error('give a program id');
  const ds = await ctx.db();
  const { archive, manifest } = await exportProgramBundle({ ds, store: await ctx.store(), client: await ctx.client(), key: ctx.key() }, id);
  const file = flag(args, '--out') ?? `mutu-audit-${id}-v${manifest.head.version}.tar.gz`;
  writeFileSync(file, archive);
  out(`${file}: ${manifest.events} event(s), ${manifest.runs.length} Temporal run(s), ${archive.length} bytes`);
  return true;
}

function verifyBundleFile(args: string[]): boolean {
  const keyFile = flag(args, '--public-key');
  const file = args.find((a) => !a.startsWith('--') && a !== keyFile);
  if (!file) throw new Error('give a bundle file');
  const report = verifyBundle(readFileSync(file), keyFile ? readFileSync(keyFile, 'utf8') : undefined);
  out(`${file}: program ${report.programId ?? '?'}, ${report.events} event(s), ${report.runs} Temporal run(s)`);
  for (const n of report.notes) out(`NOTE    ${n}`);
  for (const p of report.problems) out(`PROBLEM ${p}`);
  for (const b of report.breaks) out(`BROKEN  ${b.kind} at version ${b.version}: ${b.detail}`);
  out(report.ok ? 'OK: the bundle is intact' : 'FAILED');
  return report.ok;
}

async function replay(ctx: AuditContext, args: string[]): Promise<boolean> {
  const ds = await ctx.db();
  const ids = args.includes('--all')
    ? ((await ds.query('SELECT program_id FROM programs ORDER BY program_id')) as { program_id: string }[]).map((r) => r.program_id)
    : args.filter((a) => !a.startsWith('--'));
  if (ids.length === 0) throw new Error('give program ids or --all');
  const started = Date.now();
  const results = await replayPrograms({ client: await ctx.client(), store: await ctx.store(), archive: new RunArchive(ds) }, ids, {
    onProgram: (r) => {
      out(`${r.ok ? 'OK    ' : 'FAILED'}  ${r.programId}  ${r.runs} run(s), ${r.historyEvents} history event(s)`);
      for (const n of r.nondeterminism) out(`        non-determinism in run ${n.runId}: ${n.message.split('\n')[0]}`);
      for (const d of r.divergence) out(`        divergence in run ${d.runId}: ${d.message}`);
    },
  });
  const failed = results.filter((r) => !r.ok).length;
  out(`${results.length} program(s) replayed in ${Date.now() - started} ms; ${failed} failed`);
  return failed === 0;
}

export async function auditCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'verify-bundle') {
    if (!verifyBundleFile(rest)) process.exitCode = 2;
    return;
  }
  const run = { verify, checkpoint, export: exportBundle, replay }[sub ?? ''] as ((c: AuditContext, a: string[]) => Promise<boolean>) | undefined;
  if (!run) {
    process.stderr.write(USAGE);
    process.exitCode = sub ? 64 : 0;
    return;
  }
  const ctx = new AuditContext();
  try {
    if (!(await run(ctx, rest))) process.exitCode = 2;
  } finally {
    await ctx.close();
  }
}
