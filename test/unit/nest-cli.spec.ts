// nest-cli.json names every app and lib of the tree, and the Nest build's alias table
// (tsconfig.nest.json) is tsconfig.json's without the `.ts` extensions (Nest's build rewrites an
// alias to the path it maps to, extension included, which node could not load from the output).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const json = <T>(file: string): T => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as T;

interface NestProject {
  type: 'application' | 'library';
  root: string;
  sourceRoot: string;
  entryFile: string;
  compilerOptions: { tsConfigPath: string };
}

describe('nest-cli.json', () => {
  const cli = json<{ monorepo: boolean; projects: Record<string, NestProject> }>('nest-cli.json');

  it('is a monorepo of the apps api, worker and cli and of every lib', () => {
    const libs = readdirSync(path.join(root, 'libs')).filter((d) => existsSync(path.join(root, 'libs', d, 'src', 'index.ts')));
    expect(cli.monorepo).toBe(true);
    expect(Object.entries(cli.projects).filter(([, p]) => p.type === 'application').map(([n]) => n).sort()).toEqual(['api', 'cli', 'worker']);
    expect(Object.entries(cli.projects).filter(([, p]) => p.type === 'library').map(([n]) => n).sort()).toEqual(libs.sort());
  });

  it('points every project at files that exist', () => {
    for (const p of Object.values(cli.projects)) {
      expect(existsSync(path.join(root, p.sourceRoot, `${p.entryFile}.ts`))).toBe(true);
      expect(existsSync(path.join(root, p.compilerOptions.tsConfigPath))).toBe(true);
    }
  });

  it('builds with the aliases of tsconfig.json, extensions dropped', () => {
    const paths = (file: string) => json<{ compilerOptions: { paths: Record<string, string[]> } }>(file).compilerOptions.paths;
    const expected = Object.fromEntries(Object.entries(paths('tsconfig.json')).map(([alias, targets]) => [alias, targets.map((t) => t.replace(/\.ts$/, ''))]));
    expect(paths('tsconfig.nest.json')).toEqual(expected);
  });
});
