// With no worker polling, a command cannot be accepted: the API answers 503 WORKER_UNAVAILABLE
// with Retry-After within UPDATE_ACCEPT_TIMEOUT_MS instead of hanging, records nothing, and the
// client's retry with the same Idempotency-Key succeeds exactly once when a worker is back.
// Real Temporal dev server, real PostgreSQL, the real worker.
import type { DataSource } from 'typeorm';
import { createWorker, type RunningWorker } from '../../apps/worker/src/create-worker';
import { startTestStack, type TestStack } from '../support/stack';
import { until } from '../support/until';
import { createProgram, eventCount, http, openDb, type HttpResult } from './api-helpers';

// Room for a cold worker's first workflow task on a busy machine (the program is created with it up).
const ACCEPT_TIMEOUT_MS = 4_000;

describe('a command nobody can accept answers 503 within a bound', () => {
  let stack: TestStack;
  let db: DataSource;
  let principal: string;
  let programId: string;
  let restarted: { worker: RunningWorker; running: Promise<void> } | undefined;

  beforeAll(async () => {
    stack = await startTestStack({ UPDATE_ACCEPT_TIMEOUT_MS: String(ACCEPT_TIMEOUT_MS) });
    db = await openDb();
    principal = await stack.login('kepsek@demo.mutu.id');
    programId = await createProgram(stack, principal);
  });

  afterAll(async () => {
    restarted?.worker.shutdown();
    await restarted?.running;
    await db?.destroy();
    await stack?.stop();
  });

  const submit = (key: string): Promise<HttpResult> =>
    http(stack, principal, 'POST', `/programs/${programId}/plan/submit`, {}, { 'idempotency-key': key });

  it('answers 503 with Retry-After and records nothing while no worker polls; the retry succeeds once', async () => {
    stack.worker.shutdown();
    await until('the worker to stop', () => stack.worker.worker.getState() === 'STOPPED', 20_000);
    const before = await eventCount(db, programId);
    const key = `submit-${programId}`;

    const started = Date.now();
    const refused = await submit(key);
    const elapsed = Date.now() - started;
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('WORKER_UNAVAILABLE');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(elapsed).toBeGreaterThanOrEqual(ACCEPT_TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(ACCEPT_TIMEOUT_MS + 2_000);
    expect(await eventCount(db, programId)).toBe(before);
    const stored = await db.query('SELECT 1 FROM idempotency_records WHERE key = $1', [key]);
    expect(stored).toHaveLength(0);

    // A worker comes back; the client retries after Retry-After with the same key.
    const worker = await createWorker(stack.config);
    restarted = { worker, running: worker.run() };
    let answer = await submit(key);
    for (let i = 0; answer.status === 503 && i < 20; i++) answer = await submit(key);
    expect(answer.status).toBe(200);
    expect(answer.body.stage).toBe('plan');

    const submitted: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM events WHERE stream_id = $1 AND type = 'PlanSubmitted'`,
      [`program-${programId}`],
    );
    expect(submitted).toEqual([{ n: 1 }]);
    // Once more with the same key: the stored answer, nothing new.
    const after = await eventCount(db, programId);
    const repeat = await submit(key);
    expect(repeat.status).toBe(200);
    expect(await eventCount(db, programId)).toBe(after);
  });
});
