import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { auditCommand } from './audit/audit.command';
import { migrateCommand } from './commands/migrate.command';
import { startCommand } from './commands/start.command';
import { importCommand } from './import/import.command';
import { projectionsCommand } from './projections/projections-rebuild.command';

const USAGE = `usage: mutu <command>

  start                       provision and run the whole stack (npm start)
  migrate                     apply pending database migrations (DATABASE_URL)
  audit <sub>                 verify | checkpoint | export | verify-bundle | replay (mutu audit for help)
  projections rebuild         rebuild programs + tasks from the events and compare with the live ones
  import campaign <file>      set up a mentoring campaign from a .csv/.xlsx sheet (--as <email> [--dry-run])
`;

type Command = (args: string[]) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  start: () => startCommand(),
  migrate: () => migrateCommand(),
  audit: (args) => auditCommand(args),
  projections: (args) => projectionsCommand(args),
  import: (args) => importCommand(args),
};

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

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (name !== 'start') adoptRunningStack();
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(USAGE);
    process.exit(name ? 64 : 0);
  }
  await command(args);
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`mutu: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
