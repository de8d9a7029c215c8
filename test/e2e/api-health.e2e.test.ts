import { Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { startTestStack, type TestStack } from '../support/stack';
import { until } from '../support/until';
import { http, type HttpResult } from './api-helpers';

/** The /health answer once `done` holds for it. */
async function healthWhen(stack: TestStack, what: string, done: (r: HttpResult) => boolean): Promise<HttpResult> {
  let last!: HttpResult;
  await until(what, async () => done((last = await http(stack, undefined, 'GET', '/health'))));
  return last;
}

describe('API health and readiness', () => {
  let stack: TestStack;
  const health = () => http(stack, undefined, 'GET', '/health');

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers liveness without a token', async () => {
    const live = await http(stack, undefined, 'GET', '/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
  });

  it('is ready when PostgreSQL and Temporal answer, and says how program lists are served', async () => {
    const ready = await healthWhen(stack, 'the list cache to listen', (r) => r.body.programListCache?.state === 'listening');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ok');
    expect(ready.body.checks.postgres).toEqual({ status: 'up', ms: expect.any(Number) });
    expect(ready.body.checks.temporal).toEqual({ status: 'up', ms: expect.any(Number) });
    expect(ready.body.programListCache).toEqual({ state: 'listening', pages: expect.any(Number), hits: expect.any(Number), misses: expect.any(Number), drops: expect.any(Number) });
  });

  it('shows a lost change listener (lists read PostgreSQL, still ready) and its return', async () => {
    await stack.api.get(DataSource).query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'mutu-api-programs-listener'`);
    const lost = await healthWhen(stack, 'the listener to be lost', (r) => r.body.programListCache.state !== 'listening');
    expect(lost.status).toBe(200);
    expect(lost.body.status).toBe('ok');
    expect(lost.body.programListCache.state).toBe('not listening: GET /programs reads PostgreSQL');
    expect(lost.body.programListCache.pages).toBe(0);
    await healthWhen(stack, 'the listener to be back', (r) => r.body.programListCache.state === 'listening');
  });

  it('says off when the page cache is turned off', async () => {
    const off = await startTestStack({ PROGRAM_LIST_CACHE_MS: '0' });
    try {
      const r = await http(off, undefined, 'GET', '/health');
      expect(r.status).toBe(200);
      expect(r.body.programListCache.state).toBe('off');
    } finally {
      await off.stop();
    }
  });

  it('is not ready (503) when Temporal does not answer', async () => {
    // Last in this file: the API's own Temporal connection is closed.
    await stack.api.get(Connection).close();
    const r = await health();
    expect(r.status).toBe(503);
    expect(r.body.status).toBe('degraded');
    expect(r.body.checks.postgres.status).toBe('up');
    expect(r.body.checks.temporal.status).toBe('down');
    expect(typeof r.body.checks.temporal.error).toBe('string');
  });
});
