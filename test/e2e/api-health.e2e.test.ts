import { Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { startTestStack, type TestStack } from '../support/stack';
import { http } from './api-helpers';

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
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
    const ready = await until('the list cache to listen', health, (r) => r.body.programListCache?.state === 'listening');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ok');
    expect(ready.body.checks.postgres).toEqual({ status: 'up', ms: expect.any(Number) });
    expect(ready.body.checks.temporal).toEqual({ status: 'up', ms: expect.any(Number) });
    expect(ready.body.programListCache).toEqual({ state: 'listening', pages: expect.any(Number), hits: expect.any(Number), misses: expect.any(Number), drops: expect.any(Number) });
  });

  it('shows a lost change listener (lists read PostgreSQL, still ready) and its return', async () => {
    await stack.api.get(DataSource).query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'mutu-api-programs-listener'`);
    const lost = await until('the listener to be lost', health, (r) => r.body.programListCache.state !== 'listening');
    expect(lost.status).toBe(200);
    expect(lost.body.status).toBe('ok');
    expect(lost.body.programListCache.state).toBe('not listening: GET /programs reads PostgreSQL');
    expect(lost.body.programListCache.pages).toBe(0);
    await until('the listener to be back', health, (r) => r.body.programListCache.state === 'listening');
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
