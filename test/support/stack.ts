import type { NestExpressApplication } from '@nestjs/platform-express';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '@mutu/provisioning';
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
 * A stack on a database of its own also gets a Temporal namespace of its own (named after the
 * database): workflow ids derived from data (a school's reporting year, a template's schools) are
 * the same in every copy of the demo data, and in one namespace one test's closed run would refuse
 * another's start, or an Update would go to a run whose worker belongs to another test.
 */
async function namespaceFor(databaseUrl: string | undefined): Promise<string | undefined> {
  if (!databaseUrl || databaseUrl === process.env.DATABASE_URL) return undefined;
  const namespace = `test-${new URL(databaseUrl).pathname.slice(1)}`;
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  try {
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') });
  } catch (e) {
    if (!(e instanceof Error && /already exists|AlreadyExists/i.test(e.message))) throw e;
  }
  // The dev server registers Mutu's search attributes for the namespaces it starts with only.
  const { IndexedValueType } = temporal.api.enums.v1;
  const types = { Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD, Int: IndexedValueType.INDEXED_VALUE_TYPE_INT };
  try {
    const searchAttributes = Object.fromEntries(Object.entries(SEARCH_ATTRIBUTES).map(([name, type]) => [name, types[type]]));
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
  } catch (e) {
    if (!(e instanceof Error && /already exists|AlreadyExists/i.test(e.message))) throw e;
  } finally {
    await connection.close();
  }
  return namespace;
}

/**
 * The real stack in-process: the API on a free port and a worker on a task queue of its own,
 * against the PostgreSQL and Temporal dev server provisioned by the global setup.
 */
export async function startTestStack(overrides: Record<string, string> = {}): Promise<TestStack> {
  const taskQueue = `test-${process.pid}-${Date.now()}-${queueCounter++}`;
  const namespace = overrides.TEMPORAL_NAMESPACE ?? (await namespaceFor(overrides.DATABASE_URL));
  const config = loadConfig({
    ...process.env,
    ...(namespace ? { TEMPORAL_NAMESPACE: namespace } : {}),
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
