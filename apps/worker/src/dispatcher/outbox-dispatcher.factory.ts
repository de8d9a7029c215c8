import { hostname } from 'node:os';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Config } from '@mutu/config';
import { HttpWebhookSender, OutboxDispatcher, SmtpEmailSender } from '@mutu/notifications';

export interface RunningDispatcher {
  stop(): Promise<void>;
}

/**
 * The outbox dispatcher the worker process runs next to its Temporal worker: SMTP from the config,
 * the signed webhook when WEBHOOK_SECRET is set. Stopping waits for the batch in flight, then
 * closes the SMTP pool.
 */
export function startOutboxDispatcher(app: INestApplicationContext, config: Config): RunningDispatcher {
  const email = new SmtpEmailSender({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    user: config.SMTP_USER,
    password: config.SMTP_PASSWORD,
    from: config.SMTP_FROM,
    pool: true,
  });
  const dispatcher = new OutboxDispatcher(app.get(DataSource), {
    workerId: `${hostname()}:${process.pid}:${config.TEMPORAL_TASK_QUEUE}`,
    email,
    ...(config.WEBHOOK_SECRET ? { webhook: new HttpWebhookSender(config.WEBHOOK_SECRET) } : {}),
  });
  dispatcher.start();
  return {
    async stop() {
      await dispatcher.stop();
      email.close();
    },
  };
}
