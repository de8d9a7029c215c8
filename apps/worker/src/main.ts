import 'reflect-metadata';
import { join } from 'node:path';
import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';
import { Logger } from '@nestjs/common';
import { createLogger, loadConfigOrExit, PinoNestLogger, type Config } from '@mutu/config';
import { createWorker } from './create-worker';

const SDK_LEVELS = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/** The Temporal SDK's own lines through the process logger (its INFO lines are noise at Mutu's info). */
function installSdkLogger(config: Config, logger: ReturnType<typeof createLogger>): void {
  const level = config.LOG_LEVEL === 'silent' || config.LOG_LEVEL === 'fatal' ? 'ERROR' : config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace' ? 'DEBUG' : 'WARN';
  const sdk = logger.child({ context: 'temporal-sdk' });
  Runtime.install({ logger: new DefaultLogger(level, (entry: LogEntry) => sdk[SDK_LEVELS[entry.level]]({ ...entry.meta }, entry.message)) });
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config, 'mutu-worker');
  // Nest's own messages, from its bootstrap on, in the same format (its levels: error and warn).
  Logger.overrideLogger(new PinoNestLogger(logger));
  try {
    installSdkLogger(config, logger);
    // `npm run build` writes the bundle beside the compiled apps; without it the worker bundles itself.
    const bundle = process.env.MUTU_WORKFLOW_BUNDLE ?? join(__dirname, '..', '..', '..', 'workflow-bundle.js');
    const running = await createWorker(config, { workflowBundlePath: bundle });
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => running.shutdown());
    logger.info(`polling task queue ${config.TEMPORAL_TASK_QUEUE}`);
    await running.run();
    logger.info('stopped');
  } catch (e) {
    logger.fatal({ err: e }, 'the worker failed');
    process.exit(1);
  }
}

main().catch((e) => {
  process.stderr.write(`[worker] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
