import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { webpackConfigHook } from '@mutu/temporal';
import { HISTORIES_DIR, readHistories, workflowTypeOf } from './history-files';

// `mutu audit replay --histories <dir>` as an operator runs it: the committed history files of a
// directory and its subdirectories, against the workflow bundle the CLI finds (MUTU_WORKFLOW_BUNDLE).
const root = join(__dirname, '..', '..');
const mutu = (bundle: string, ...args: string[]) =>
  spawnSync(process.execPath, ['-r', join(root, 'scripts/register-ts.js'), join(root, 'apps/cli/src/main.ts'), 'audit', 'replay', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, MUTU_WORKFLOW_BUNDLE: bundle, DATABASE_URL: '', TEMPORAL_ADDRESS: '' },
  });

describe('mutu audit replay --histories', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mutu-replay-files-'));
  // Two program histories, one of them in a subdirectory as legacy ones are.
  const program = readHistories().filter((h) => workflowTypeOf(h) === 'programWorkflow').slice(0, 2);
  const files = program.map((h, i) => (i === 0 ? `${h.name.replace(/^legacy\//, '')}.json` : `older/${h.name.replace(/^legacy\//, '')}.json`));
  beforeAll(() => {
    mkdirSync(join(dir, 'older'));
    program.forEach((h, i) => copyFileSync(join(HISTORIES_DIR, `${h.name}.json`), join(dir, files[i])));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replays every file clean against the current bundle, exit 0, and prints the rate', () => {
    expect(program).toHaveLength(2);
    const run = mutu(process.env.MUTU_WORKFLOW_BUNDLE!, '--histories', dir);
    // stdout keeps the results only: the SDK's own lines go to stderr.
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/^2 histories \(\d+ events\) from .+ replayed in \d+ ms: [\d,]+ histories\/s, [\d,]+ events\/s \(files read in \d+ ms\); 0 failed$/m);
    expect(run.status).toBe(0);
  }, 120_000);

  it('names every file a non-deterministic change breaks, and exits 2', async () => {
    const { code } = await bundleWorkflowCode({
      workflowsPath: join(__dirname, 'fixtures', 'nondeterministic.workflow.ts'),
      webpackConfigHook,
      logger: { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, log: () => undefined },
    });
    const bundle = join(dir, 'nondeterministic-bundle.js');
    writeFileSync(bundle, code);
    const run = mutu(bundle, '--histories', dir);
    expect(run.status).toBe(2);
    for (const [i, file] of files.entries()) {
      expect(run.stdout).toMatch(new RegExp(`^FAILED  ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(workflow ${program[i].workflowId}, run [0-9a-f-]+\\): .*[Nn]ondetermin`, 'm'));
    }
    expect(run.stdout).toMatch(/; 2 failed$/m);
    expect(run.stdout.trim().split('\n')).toHaveLength(3);
  }, 300_000);

  it('refuses --histories together with programs', () => {
    const run = mutu(process.env.MUTU_WORKFLOW_BUNDLE!, '--histories', dir, '--all');
    expect(run.status).toBe(64);
    expect(run.stderr).toMatch(/--histories replays files, not programs/);
  });
});
