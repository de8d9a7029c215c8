import 'reflect-metadata';
import { join } from 'node:path';
import { loadConfigOrExit } from '@mutu/config';
import { createWorker } from './create-worker';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // `npm run build` writes the bundle beside the compiled apps; without it the worker bundles itself.
  const bundle = process.env.MUTU_WORKFLOW_BUNDLE ?? join(__dirname, '..', '..', '..', 'workflow-bundle.js');
  const running = await createWorker(config, { workflowBundlePath: bundle });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => running.shutdown());
  process.stdout.write(`[worker] polling task queue ${config.TEMPORAL_TASK_QUEUE}\n`);
  await running.run();
  process.stdout.write('[worker] stopped\n');
}

main().catch((e) => {
  process.stderr.write(`[worker] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
