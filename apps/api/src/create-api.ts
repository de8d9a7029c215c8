import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Config } from '@mutu/config';
import { seedDemoData } from '@mutu/persistence';
import helmet from 'helmet';
import pino from 'pino';
import pinoHttp from 'pino-http';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';

export const JSON_BODY_LIMIT = '256kb';

/** Builds the API application (not yet listening): used by main.ts and by the tests. */
export async function createApi(config: Config): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: config.LOG_LEVEL === 'silent' ? false : ['error', 'warn'],
    bodyParser: false,
  });
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'mutu-api' } });
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => req.url === '/health/live' },
    }),
  );
  app.use(helmet({ contentSecurityPolicy: false }));
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  const origins = config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  app.enableCors({ origin: origins.length > 0 ? origins : false, credentials: false, exposedHeaders: ['x-request-id'] });
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  if (config.SEED_DEMO_DATA) await seedDemoData(app.get(DataSource));
  return app;
}
