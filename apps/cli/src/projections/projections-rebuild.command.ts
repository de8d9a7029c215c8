import { Command } from 'commander';

export function projectionsCommand(): Command {
  const cmd = new Command('projections').description('maintain the read models built from the events');
  cmd
    .command('rebuild')
    .description('rebuild the program, task, campaign and realisation read models from every event, in one transaction, and compare them with the live ones')
    .addHelpText('after', '\nExit status: 0 when the rebuilt read models equal the live ones, 1 when they differ or on an error.')
    .action(async () => (await import('./projections-rebuild')).rebuildProjections());
  return cmd;
}
