import { Command } from 'commander';

const checks = () => import('./audit-checks');

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
      await (await checks()).runVerify({ programId: opts.all ? undefined : programId, checkpoint: opts.checkpoint });
    });

  audit
    .command('checkpoint')
    .description('verify every stream, then sign the head of every stream, store it and publish it to the checkpoint journal')
    .option('--out <file>', 'also write the signed checkpoint to this file')
    .action(async (opts: { out?: string }) => (await checks()).runCheckpoint(opts));

  audit
    .command('export')
    .description('write a program\'s audit bundle (.tar.gz): its events, a signed checkpoint and its Temporal run histories')
    .argument('<programId>', 'the program to export')
    .option('--out <file>', 'the bundle file (default: mutu-audit-<programId>-v<version>.tar.gz)')
    .action(async (programId: string, opts: { out?: string }) => (await checks()).runExport(programId, opts));

  audit
    .command('verify-bundle')
    .description('verify an audit bundle offline (no database, no Temporal)')
    .argument('<file>', 'the bundle (.tar.gz)')
    .option('--public-key <pem>', 'the PEM file of the signing key the bundle\'s checkpoint must be signed with')
    .action(async (file: string, opts: { publicKey?: string }) => (await checks()).runVerifyBundle(file, opts));

  audit
    .command('replay')
    .description('replay programs\' Temporal histories against the current workflow code and cross-check their states with the events')
    .argument('[programIds...]', 'the programs to replay')
    .option('--all', 'replay every program')
    .option('--histories <dir>', 'replay the recorded history files in this directory and its subdirectories instead (no database, no Temporal), e.g. test/replay/histories')
    .action(async (programIds: string[], opts: { all?: boolean; histories?: string }, cmd: Command) => {
      if (opts.histories) {
        if (opts.all || programIds.length > 0) cmd.error('error: --histories replays files, not programs: give it alone', { exitCode: 64 });
        return (await checks()).runReplayFiles(opts.histories);
      }
      if (!opts.all && programIds.length === 0) cmd.error('error: give program ids, --all or --histories <dir>', { exitCode: 64 });
      await (await checks()).runReplay(programIds, opts);
    });
  return audit;
}
