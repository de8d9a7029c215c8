import 'reflect-metadata';
import { loadConfigOrExit } from '@mutu/config';
import { createApi } from './create-api';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApi(config);
  await app.listen(config.API_PORT, config.API_HOST);
  process.stdout.write(`[api] listening on http://${config.API_HOST}:${config.API_PORT}\n`);
}

main().catch((e) => {
  process.stderr.write(`[api] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
