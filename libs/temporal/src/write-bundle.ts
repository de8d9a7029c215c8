import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { workflowBundleOptions } from './bundler-options';

/** Bundles the workflows once (build, test setup) so workers start without webpack. */
export async function writeWorkflowBundle(path: string): Promise<string> {
  const { code } = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: new DefaultLogger('WARN') });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, code);
  return path;
}
