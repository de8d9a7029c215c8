import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createLogger, type Config } from '@mutu/config';
import { seedDemoData } from '@mutu/persistence';
import helmet from 'helmet';
import pinoHttp from 'pino-http';
import { DataSource } from 'typeorm';
import type { NextFunction, Response } from 'express';
import { AppModule } from './app.module';
import { bodyParserFailure } from './common/errors.filter';
import { methodNotAllowed } from './routes/method-not-allowed.middleware';
import { serveWeb } from './web/web-static';

export const JSON_BODY_LIMIT = '256kb';

/** Builds the API application (not yet listening): used by main.ts and by the tests. */
export async function createApi(config: Config): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: config.LOG_LEVEL === 'silent' ? false : ['error', 'warn'],
    bodyParser: false,
  });
  const logger = createLogger(config, 'mutu-api');
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
  // The pages set their own Content-Security-Policy: the web app (web/web-csp.ts) and the docs
  // (docs/swagger-ui.ts). JSON answers are never rendered as documents.
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use(methodNotAllowed());
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  // Body-parser failures (bad JSON, too large) answered here with their own codes, before Nest
  // turns them into a generic 400 or 500.
  app.use((err: unknown, req: { id?: string }, res: Response, next: NextFunction) => {
    const body = bodyParserFailure(err);
    if (!body) return next(err);
    res.status(body.statusCode).json({ ...body, requestId: req.id });
  });
  const origins = config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  app.enableCors({ origin: origins.length > 0 ? origins : false, credentials: false, exposedHeaders: ['x-request-id'] });
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  serveWeb(app);
  if (config.SEED_DEMO_DATA) await seedDemoData(app.get(DataSource), { ...config, log: (line) => logger.warn(line) });
  return app;
}
