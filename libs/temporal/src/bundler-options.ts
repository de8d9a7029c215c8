import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BundleOptions, WorkerOptions } from '@temporalio/worker';

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

const SHARED_DOMAIN = path.join(root, 'workflows', 'shared', 'domain.js');

export function webpackConfigHook(config: WebpackConfig): WebpackConfig {
  const resolve = config.resolve ?? {};
  // `@mutu/domain` itself (not its subpaths) is the worker-wide copy (workflows/shared/domain.js).
  const alias = { '@mutu/domain$': SHARED_DOMAIN, ...(resolve.alias as Record<string, string> | undefined), ...aliasMap() };
  return { ...config, resolve: { ...resolve, alias } };
}

/** Evaluated once per worker, before any workflow, and shared by all (workflows/shared/). */
export const PRELOADED_WORKFLOW_MODULES = [path.join(root, 'workflows', 'shared', 'once-per-worker.ts')];

/** The one set of bundler options, shared by the worker, the tests, replay and the build. */
export function workflowBundleOptions(): Pick<BundleOptions, 'workflowsPath' | 'webpackConfigHook' | 'preloadModules'> {
  return { workflowsPath: WORKFLOWS_PATH, webpackConfigHook, preloadModules: PRELOADED_WORKFLOW_MODULES };
}

export type WorkflowCodeOptions = Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'>;

/**
 * The bundle `npm run build` writes beside the compiled code, when this code runs from dist/ (the
 * build rewrites it whenever workflows/ or libs/domain are newer). Code run from the sources
 * (jest, ts) has none and bundles them.
 */
function builtBundle(): string | undefined {
  const dist = path.join(root, 'dist');
  return __dirname.startsWith(dist + path.sep) ? path.join(dist, 'workflow-bundle.js') : undefined;
}

/**
 * The workflow code of a worker or a replayer: a prebuilt bundle when one exists at `bundlePath`
 * (default MUTU_WORKFLOW_BUNDLE, else the build's own when running from dist/), else the sources
 * bundled on the spot with the same options. Bundling takes seconds: a replay of a few histories
 * from the sources spends most of its time there.
 */
export function workflowCodeOptions(bundlePath = process.env.MUTU_WORKFLOW_BUNDLE ?? builtBundle()): WorkflowCodeOptions {
  if (bundlePath && existsSync(bundlePath)) return { workflowBundle: { codePath: bundlePath } };
  const { workflowsPath, ...bundlerOptions } = workflowBundleOptions();
  return { workflowsPath, bundlerOptions };
}
