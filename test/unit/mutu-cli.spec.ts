import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The `mutu` command line as an operator meets it: help on every level, and a usage error (exit
// 64, one line saying what was wrong, then the usage) for what it does not know. Nothing here
// reaches a database: parsing fails, or help is printed, before any command runs.

const root = join(__dirname, '..', '..');
const mutu = (...args: string[]) =>
  spawnSync(process.execPath, ['-r', join(root, 'scripts/register-ts.js'), join(root, 'apps/cli/src/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', TEMPORAL_ADDRESS: '' },
  });

describe('the mutu command line', () => {
  it('`mutu --help` lists every command with its description and exits 0', () => {
    const run = mutu('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: mutu \[options\] \[command\]/);
    for (const [name, words] of [['start', /provision PostgreSQL/], ['migrate', /apply pending database migrations/], ['audit', /hash chains/], ['projections', /read models/], ['import', /spreadsheet/]] as const) {
      expect(run.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
      expect(run.stdout).toMatch(words);
    }
  });

  it('`mutu audit --help` lists the audit subcommands, their arguments and the exit status', () => {
    const run = mutu('audit', '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: mutu audit /);
    for (const sub of ['verify [options] [programId]', 'checkpoint [options]', 'export [options] <programId>', 'verify-bundle [options] <file>', 'replay [options] [programIds...]']) {
      expect(run.stdout).toContain(`  ${sub} `);
    }
    expect(run.stdout).toMatch(/2 when a verification fails/);
  });

  it('every subcommand describes its arguments and options', () => {
    const verify = mutu('audit', 'verify', '--help');
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/programId +verify this program's stream only/);
    expect(verify.stdout).toMatch(/--all +verify every stream/);
    expect(verify.stdout).toMatch(/--checkpoint <file> +also hold the chains/);
    const campaign = mutu('import', 'campaign', '--help');
    expect(campaign.status).toBe(0);
    expect(campaign.stdout).toMatch(/--as <email> +the organiser/);
    expect(campaign.stdout).toMatch(/--dry-run +check the sheet and create nothing/);
  });

  it('an unknown command exits 64 with one line naming it, then the usage', () => {
    const run = mutu('frobnicate');
    expect(run.status).toBe(64);
    const [first, blank, usage] = run.stderr.split('\n');
    expect([first, blank]).toEqual(["error: unknown command 'frobnicate'", '']);
    expect(usage).toMatch(/^Usage: mutu /);
    expect(run.stdout).toBe('');
  });

  it('an unknown option exits 64 with the usage of the command it was given to', () => {
    const run = mutu('audit', 'verify', '--al');
    expect(run.status).toBe(64);
    expect(run.stderr.split('\n').slice(0, 3)).toEqual(["error: unknown option '--al'", '', 'Usage: mutu audit verify [options] [programId]']);
  });

  it('a missing argument or required option is a usage error too', () => {
    expect(mutu('audit', 'verify').status).toBe(64);
    const run = mutu('import', 'campaign', 'sheet.csv');
    expect(run.status).toBe(64);
    expect(run.stderr).toMatch(/^error: required option '--as <email>' not specified\n/);
  });
});
