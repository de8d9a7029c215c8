import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig, type Config } from '@mutu/config';
import { DEMO_PASSWORD } from '@mutu/persistence';
import { createApi } from '../../apps/api/src/create-api';
import { createWorker, type RunningWorker } from '../../apps/worker/src/create-worker';

export interface TestStack {
  config: Config;
  baseUrl: string;
  api: NestExpressApplication;
  worker: RunningWorker;
  /** Access token of a seeded demo user. */
  login(email: string): Promise<string>;
  stop(): Promise<void>;
}

let queueCounter = 0;

/**
 * The real stack in-process: the API on a free port and a worker on a task queue of its own,
 * against the PostgreSQL and Temporal dev server provisioned by the global setup.
 */
export async function startTestStack(overrides: Record<string, string> = {}): Promise<TestStack> {
  const taskQueue = `test-${process.pid}-${Date.now()}-${queueCounter++}`;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    API_PORT: '0',
    TEMPORAL_TASK_QUEUE: taskQueue,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    // The processes connect as the application role only (the global setup migrated as the owner).
    DATABASE_OWNER_URL: undefined,
    ...overrides,
  });
  const worker = await createWorker(config);
  const workerRun = worker.run();
  const api = await createApi(config);
  await api.listen(0, '127.0.0.1');
  const address = api.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    config,
    baseUrl,
    api,
    worker,
    async login(email: string) {
      const res = await fetch(`${baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
    async stop() {
      await api.close();
      worker.shutdown();
      await workerRun;
    },
  };
}
