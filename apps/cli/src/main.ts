import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { auditCommand } from './audit/audit.command';
import { importCommand } from './import/import.command';
import { projectionsCommand } from './projections/projections-rebuild.command';

/** sysexits' EX_USAGE: the command line itself was wrong. */
const USAGE_ERROR = 64;

/** Without DATABASE_URL / TEMPORAL_ADDRESS, use those of a running `npm start` (see .data/runtime.json). */
function adoptRunningStack(): void {
  let root = __dirname;
  while (!existsSync(join(root, 'package.json')) && dirname(root) !== root) root = dirname(root);
  const file = join(process.env.DATA_DIR ? resolve(root, process.env.DATA_DIR) : join(root, '.data'), 'runtime.json');
  if (process.env.DATABASE_URL || !existsSync(file)) return;
  const runtime = JSON.parse(readFileSync(file, 'utf8')) as { DATABASE_URL?: string; TEMPORAL_ADDRESS?: string };
  process.env.DATABASE_URL = runtime.DATABASE_URL;
  process.env.TEMPORAL_ADDRESS ??= runtime.TEMPORAL_ADDRESS;
}

/**
 * Help (asked for, or shown because a command was left out) exits 0; any other parse error has
 * already printed its one line and the usage, and exits 64.
 */
function exitOnParseError(err: CommanderError): never {
  const help = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(err.code);
  process.exit(help ? 0 : USAGE_ERROR);
}

/** The same parse-error handling on every command (added commands do not inherit it). */
function configure(cmd: Command): Command {
  cmd.showHelpAfterError().showSuggestionAfterError(false).exitOverride(exitOnParseError);
  cmd.commands.forEach(configure);
  return cmd;
}

function mutuProgram(): Command {
  const program = new Command('mutu').description(
    'Mutu operator commands. Without DATABASE_URL they use the database and Temporal of a running `npm start` (.data/runtime.json).',
  );
  program.command('start').description('provision PostgreSQL and Temporal when not configured, migrate, then run the worker and the API (npm start)').action(async () => (await import('./commands/start.command')).startCommand());
  program.command('migrate').description('apply pending database migrations (DATABASE_OWNER_URL, else DATABASE_URL)').action(async () => (await import('./commands/migrate.command')).migrateCommand());
  program.addCommand(auditCommand());
  program.addCommand(projectionsCommand());
  program.addCommand(importCommand());
  program.hook('preAction', (_program, action) => {
    if (action.name() !== 'start') adoptRunningStack();
  });
  return configure(program);
}

mutuProgram()
  .parseAsync(process.argv)
  .catch((e) => {
    process.stderr.write(`mutu: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
