import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

// The workflow bundler ignores tsconfig `paths`; this hook gives it the same `@mutu/*` aliases
// that tsc and jest use, read from tsconfig.json by scripts/aliases.js.
function findProjectRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'scripts', 'aliases.js'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the Mutu project root above ${from}`);
    dir = parent;
  }
  return dir;
}

const root = findProjectRoot(__dirname);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { aliasMap } = require(path.join(root, 'scripts', 'aliases.js')) as { aliasMap: () => Record<string, string> };

export const PROJECT_ROOT: string = root;
export const WORKFLOWS_PATH = path.join(root, 'workflows', 'index.ts');

type WebpackConfig = Parameters<NonNullable<BundleOptions['webpackConfigHook']>>[0];

export function webpackConfigHook(config: WebpackConfig): WebpackConfig {
  const resolve = config.resolve ?? {};
  const alias = { ...(resolve.alias as Record<string, string> | undefined), ...aliasMap() };
  return { ...config, resolve: { ...resolve, alias } };
}

/** The one set of bundler options, shared by the worker, the tests, replay and the build. */
export function workflowBundleOptions(): Pick<BundleOptions, 'workflowsPath' | 'webpackConfigHook'> {
  return { workflowsPath: WORKFLOWS_PATH, webpackConfigHook };
}
