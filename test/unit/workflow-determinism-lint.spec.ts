import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** Lints a snippet as if it were the given file, with the project's real ESLint configuration. */
function lintAs(file: string, code: string): string[] {
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'],
    { cwd: root, input: code, encoding: 'utf8' },
  );
  const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return report.messages.map((m) => m.ruleId ?? m.message);
}

describe('the determinism lint rule for workflows/', () => {
  it('rejects Node built-ins, I/O libraries, Date.now and process in workflow code', () => {
    const rules = lintAs(
      'workflows/program/program.workflow.ts',
      "import { readFileSync } from 'node:fs';\nimport { Client } from 'pg';\nexport const a = [readFileSync, Client, Date.now(), process.env.X];\n",
    );
    expect(rules.filter((r) => r === 'no-restricted-imports')).toHaveLength(2);
    expect(rules).toContain('no-restricted-properties');
    expect(rules).toContain('no-restricted-globals');
  });

  it('allows the same code outside workflows/', () => {
    const rules = lintAs('libs/persistence/src/data-source.ts', "import { readFileSync } from 'node:fs';\nexport const a = [readFileSync, Date.now()];\n");
    expect(rules).not.toContain('no-restricted-imports');
    expect(rules).not.toContain('no-restricted-properties');
  });

  it('flags a floating promise anywhere', () => {
    const rules = lintAs('libs/persistence/src/data-source.ts', 'async function f(): Promise<void> {}\nexport function g(): void {\n  f();\n}\n');
    expect(rules).toContain('@typescript-eslint/no-floating-promises');
  });
});
