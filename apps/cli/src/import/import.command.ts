import { Command } from 'commander';

export function importCommand(): Command {
  const cmd = new Command('import').description('set up work from a spreadsheet');
  cmd
    .command('campaign')
    .description('set up a mentoring campaign from a .csv/.xlsx sheet: every row is checked and every error printed with its row; the campaign starts only when the whole sheet is valid (the same sheet again starts nothing new). Format: libs/campaign-import/README.md')
    .argument('<file>', 'the campaign sheet (.csv or .xlsx)')
    .requiredOption('--as <email>', 'the organiser (an admin or a district officer) the campaign is created by')
    .option('--dry-run', 'check the sheet and create nothing')
    .addHelpText('after', '\nExit status: 0 when imported (or valid on a dry run), 1 on any error in the sheet, 64 on a usage error.')
    .action(async (file: string, opts: { as: string; dryRun?: boolean }) => (await import('./import-campaign-sheet')).importCampaignSheet(file, opts));
  return cmd;
}
