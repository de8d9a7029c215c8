import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createLogger, loadConfigOrExit, PinoNestLogger } from '@mutu/config';
import { createApi } from './create-api';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config, 'mutu-api');
  // Nest's own messages, from its bootstrap on, in the same format (its levels: error and warn).
  Logger.overrideLogger(new PinoNestLogger(logger));
  try {
    const app = await createApi(config);
    await app.listen(config.API_PORT, config.API_HOST);
    logger.info(`listening on http://${config.API_HOST}:${config.API_PORT}`);
  } catch (e) {
    logger.fatal({ err: e }, 'the API did not start');
    process.exit(1);
  }
}

main().catch((e) => {
  process.stderr.write(`[api] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
