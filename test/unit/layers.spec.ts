// The layer rules of .dependency-cruiser.cjs (run by `npm run lint`): each one fires on a small
// tree built for it, allowed imports stay quiet, and the repository's own tree passes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const depcruise = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const config = path.join(root, '.dependency-cruiser.cjs');

interface Violation {
  rule: string;
  from: string;
  to: string;
}

function cruise(cwd: string, dirs: string[]): Violation[] {
  const result = spawnSync(process.execPath, [depcruise, ...dirs, '--config', config, '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!result.stdout) throw new Error(`dependency-cruiser printed nothing: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return report.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

/** A tree shaped like the repository's, with `@mutu/*` aliases in its tsconfig and a fake `pg`. */
function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mutu-layers-'));
  const all: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'fixture', dependencies: { pg: '1.0.0', '@temporalio/workflow': '1.0.0' } }),
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        baseUrl: '.',
        paths: {
          '@mutu/domain': ['libs/domain/src/index.ts'],
          '@mutu/persistence': ['libs/persistence/src/index.ts'],
          '@mutu/calendar': ['libs/calendar/src/index.ts'],
        },
      },
    }),
    'node_modules/pg/package.json': JSON.stringify({ name: 'pg', version: '1.0.0', main: 'index.js' }),
    'node_modules/pg/index.js': 'exports.Client = class Client {};\n',
    'node_modules/@temporalio/workflow/package.json': JSON.stringify({ name: '@temporalio/workflow', version: '1.0.0', main: 'index.js' }),
    'node_modules/@temporalio/workflow/index.js': 'exports.sleep = () => undefined;\n',
    'libs/domain/src/index.ts': 'export const rule = 1;\n',
    'libs/persistence/src/index.ts': "import { rule } from '@mutu/domain';\nexport const store = rule;\n",
    'libs/calendar/src/index.ts': 'export interface Day { date: string }\nexport const today = 1;\n',
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('the layer rules (dependency-cruiser)', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a cycle, type-only imports included', () => {
    dir = fixture({
      'libs/import/src/sheet.ts': "import type { Row } from './builder';\nexport const rows: Row[] = [];\n",
      'libs/import/src/builder.ts': "import { rows } from './sheet';\nexport type Row = typeof rows extends unknown ? string : never;\n",
    });
    expect(cruise(dir, ['libs']).map((v) => v.rule)).toEqual(['no-circular']);
  });

  it('keeps libs/domain free of anything of ours', () => {
    dir = fixture({ 'libs/domain/src/decider.ts': "import { store } from '@mutu/persistence';\nexport const s = store;\n" });
    expect(cruise(dir, ['libs'])).toEqual([{ rule: 'domain-imports-nothing-of-ours', from: 'libs/domain/src/decider.ts', to: 'libs/persistence/src/index.ts' }]);
  });

  it('keeps libs below apps and workflows', () => {
    dir = fixture({
      'apps/api/src/main.ts': 'export const port = 3000;\n',
      'workflows/program/program.workflow.ts': 'export async function programWorkflow(): Promise<void> {}\n',
      'libs/persistence/src/uses-app.ts': "import { port } from '../../../apps/api/src/main';\nexport const p = port;\n",
      'libs/persistence/src/uses-workflow.ts': "import type { programWorkflow } from '../../../workflows/program/program.workflow';\nexport type W = typeof programWorkflow;\n",
    });
    expect(cruise(dir, ['apps', 'libs', 'workflows']).map((v) => `${v.rule} ${v.from}`).sort()).toEqual([
      'libs-never-import-apps-or-workflows libs/persistence/src/uses-app.ts',
      'libs-never-import-apps-or-workflows libs/persistence/src/uses-workflow.ts',
    ]);
  });

  it('lets workflows import the domain, the workflow SDK and their own files, and anything else of ours as types only', () => {
    dir = fixture({
      'workflows/program/allowed.ts': [
        "import { sleep } from '@temporalio/workflow';",
        "import { rule } from '@mutu/domain';",
        "import type { Day } from '@mutu/calendar';",
        "import type { Client } from 'pg';",
        "import { helper } from './helper';",
        'export const a = [sleep, rule, helper];',
        'export type T = Day | Client;',
        '',
      ].join('\n'),
      'workflows/program/helper.ts': 'export const helper = 1;\n',
      'workflows/program/io.ts': "import { Client } from 'pg';\nimport { readFileSync } from 'node:fs';\nimport { today } from '@mutu/calendar';\nexport const x = [Client, readFileSync, today];\n",
    });
    expect(cruise(dir, ['workflows']).map((v) => `${v.rule} ${v.to}`).sort()).toEqual([
      'workflows-import-domain-and-own-files libs/calendar/src/index.ts',
      'workflows-import-no-io-packages fs',
      'workflows-import-no-io-packages node_modules/pg/index.js',
    ]);
  });

  it('keeps apps apart, but for the web reading the API view shapes as types', () => {
    dir = fixture({
      'apps/api/src/export.ts': 'export const bundle = 1;\n',
      'apps/api/src/campaign.views.ts': 'export interface CampaignView { id: string }\nexport const VIEW = 1;\n',
      'apps/cli/src/audit.ts': "import { bundle } from '../../api/src/export';\nexport const b = bundle;\n",
      'apps/web/src/types.ts': "import type { CampaignView } from '../../api/src/campaign.views';\nexport type V = CampaignView;\n",
      'apps/web/src/values.ts': "import { VIEW } from '../../api/src/campaign.views';\nimport { bundle } from '../../api/src/export';\nexport const v = [VIEW, bundle];\n",
    });
    expect(cruise(dir, ['apps']).map((v) => `${v.rule} ${v.from} ${v.to}`).sort()).toEqual([
      'apps-never-import-other-apps apps/cli/src/audit.ts apps/api/src/export.ts',
      'web-imports-no-other-app apps/web/src/values.ts apps/api/src/export.ts',
      'web-reads-api-views-as-types-only apps/web/src/values.ts apps/api/src/campaign.views.ts',
    ]);
  });
});

describe('the repository tree', () => {
  it('keeps every layer rule', () => {
    expect(cruise(root, ['apps', 'libs', 'workflows'])).toEqual([]);
  }, 120_000);
});
