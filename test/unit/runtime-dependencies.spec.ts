import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** Code that runs in the production artifact (the web app is bundled by vite and ships as files). */
const RUNTIME_DIRS = ['apps/api/src', 'apps/worker/src', 'apps/cli/src', 'libs', 'workflows'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(file);
    return file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.endsWith('.d.ts') ? [file] : [];
  });
}

/** Packages a file loads at run time (`import type` is erased by the compiler and loads nothing). */
function runtimePackages(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^import\s+(?!type\s)(?:[^'";]*?\s+from\s+)?'([^']+)'/gm),
    ...source.matchAll(/^export\s+(?!type\s)[^'";]*?\s+from\s+'([^']+)'/gm),
    ...source.matchAll(/\b(?:require|import)\(\s*'([^']+)'\s*\)/g),
  ].map((m) => m[1]);
  return specifiers
    .filter((s) => !s.startsWith('.') && !s.startsWith('@mutu/') && !s.startsWith('node:') && !builtinModules.includes(s))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]));
}

/** What `npm prune --omit=dev` keeps: every locked package not marked dev-only. */
function productionPackages(): Set<string> {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
  };
  return new Set(
    Object.entries(lock.packages)
      .filter(([key, p]) => key.startsWith('node_modules/') && !p.dev && !p.devOptional)
      .map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)),
  );
}

describe('the pruned production artifact', () => {
  it('keeps every package the API, the worker, the CLI, the libs and the workflows load', () => {
    const kept = productionPackages();
    const missing = RUNTIME_DIRS.flatMap((dir) => sourceFiles(path.join(root, dir))).flatMap((file) =>
      runtimePackages(readFileSync(file, 'utf8'))
        .filter((pkg) => !kept.has(pkg))
        .map((pkg) => `${path.relative(root, file)}: ${pkg}`),
    );
    expect(missing).toEqual([]);
  });

  it('keeps the PDF renderer: playwright-core and the Chromium packed for hosts without one', () => {
    const kept = productionPackages();
    expect(kept.has('playwright-core')).toBe(true);
    expect(kept.has('@sparticuz/chromium')).toBe(true);
  });
});
