import 'reflect-metadata';
import { loadConfigOrExit } from '@mutu/config';
import { createWorker } from './create-worker';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const running = await createWorker(config);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => running.shutdown());
  process.stdout.write(`[worker] polling task queue ${config.TEMPORAL_TASK_QUEUE}\n`);
  await running.run();
  process.stdout.write('[worker] stopped\n');
}

main().catch((e) => {
  process.stderr.write(`[worker] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
