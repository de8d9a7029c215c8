import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { DataSource } from 'typeorm';
import { startTestStack, type TestStack } from '../support/stack';
import { EMAIL, createProgram, http, loginAll, openDb, plan } from './api-helpers';

const BURST = 200;
/** The server refuses a workflow task completion above 4 MB (gRPC message limit). */
const TASK_LIMIT_BYTES = 4 * 1024 * 1024;
const { HistoryEvent } = temporal.api.history.v1;
const { EventType } = temporal.api.enums.v1;

/**
 * Bytes of history each workflow task wrote when it completed: the events from its
 * WorkflowTaskCompleted up to the next task's scheduling (commands, markers, Update answers).
 * A completion that passed the server's limit would show as a failed task, never as events.
 */
function bytesPerTask(events: temporal.api.history.v1.IHistoryEvent[]): number[] {
  const sizes: number[] = [];
  let current: number | undefined;
  for (const e of events) {
    if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
      if (current !== undefined) sizes.push(current);
      current = 0;
    } else if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED) {
      if (current !== undefined) sizes.push(current);
      current = undefined;
    } else if (current !== undefined) {
      current += HistoryEvent.encode(HistoryEvent.fromObject(e)).finish().length;
    }
  }
  if (current !== undefined) sizes.push(current);
  return sizes;
}

// 200 commands on one program at once, each with its own Idempotency-Key (as 200 people, or one
// impatient client, would send them): every one answered, recorded once, none lost; and every
// workflow task of the burst stayed under the server's 4 MB limit (no task failed). The API lets a
// few of one program's commands reach Temporal at a time (PROGRAM_COMMANDS_IN_FLIGHT) and queues
// the rest; a client still retries what it is told to retry (503, 429) with the same key.
describe('API: a burst of concurrent commands on one program', () => {
  let stack: TestStack;
  let db: DataSource;
  let t: Record<keyof typeof EMAIL, string>;
  let connection: Connection;

  beforeAll(async () => {
    stack = await startTestStack();
    db = await openDb();
    t = await loginAll(stack);
    connection = await Connection.connect({ address: stack.config.TEMPORAL_ADDRESS });
  });

  afterAll(async () => {
    await connection?.close();
    await db?.destroy();
    await stack?.stop();
  }, 180_000);

  it(`${BURST} concurrent plan edits: all answered, none lost, none duplicated, every workflow task under 4 MB`, async () => {
    const id = await createProgram(stack, t.principal);
    const stream = `program-${id}`;
    const [{ v: before }] = await db.query('SELECT coalesce(max(version), 0)::int AS v FROM events WHERE stream_id = $1', [stream]);
    const keys = Array.from({ length: BURST }, (_, i) => `burst-edit-${String(i).padStart(4, '0')}`);
    // A client as the API asks: a 503 (no worker accepted the command in time) or a 429 (the
    // program stayed busy for the whole accept deadline) is sent again with the same key after a
    // pause, and so is a request whose connection broke (a kept-alive socket the server closed
    // meanwhile). Anything else than 200 or those fails the test.
    let refusedAtFirst = 0;
    let connectionErrors = 0;
    const send = async (key: string, i: number) => {
      for (let attempt = 0; ; attempt++) {
        const r = await http(stack, t.principal, 'PUT', `/programs/${id}/plan`, { plan: { ...plan(), indicators: [`Indikator ${i}`] } }, { 'idempotency-key': key }).catch((e: unknown) => {
          if (!(e instanceof TypeError) || attempt >= 20) throw e;
          connectionErrors++;
          return undefined;
        });
        const refusedForNow = (r?.status === 503 && r.body?.code === 'WORKER_UNAVAILABLE') || (r?.status === 429 && r.body?.code === 'PROGRAM_BUSY');
        if (r && (!refusedForNow || attempt >= 20)) return r;
        if (r && attempt === 0) refusedAtFirst++;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    };
    const responses = await Promise.all(keys.map((key, i) => send(key, i)));
    expect(responses.filter((r) => r.status !== 200).map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
    console.log(`${BURST} concurrent commands on one program: ${refusedAtFirst} answered 503 or 429 at first, ${connectionErrors} connection errors; all retried with their key`);

    // Each key recorded exactly one PlanEdited, at consecutive versions after the creation.
    const edits: { version: number; command_id: string; indicator: string }[] = await db.query(
      `SELECT version, command_id, data->'plan'->'indicators'->>0 AS indicator FROM events WHERE stream_id = $1 AND version > $2 ORDER BY version`,
      [stream, before],
    );
    expect(edits).toHaveLength(BURST);
    expect(edits.map((e) => e.version)).toEqual(Array.from({ length: BURST }, (_, i) => before + i + 1));
    expect(new Set(edits.map((e) => e.command_id)).size).toBe(BURST);
    expect(new Set(edits.map((e) => e.indicator))).toEqual(new Set(keys.map((_, i) => `Indikator ${i}`)));

    // Sent again, the same keys answer from the store and add nothing.
    const again = await Promise.all(
      keys.slice(0, 20).map((key, i) => http(stack, t.principal, 'PUT', `/programs/${id}/plan`, { plan: { ...plan(), indicators: [`Indikator ${i}`] } }, { 'idempotency-key': key })),
    );
    expect(again.map((r) => r.status)).toEqual(Array(20).fill(200));
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [stream]);
    expect(n).toBe(before + BURST);

    // The runs' histories: no failed workflow task, and each task's output far below the limit.
    const client = new Client({ connection, namespace: stack.config.TEMPORAL_NAMESPACE });
    const sizes: number[] = [];
    for await (const info of client.workflow.list({ query: `WorkflowId = '${stream}'` })) {
      const history = await client.workflow.getHandle(info.workflowId, info.runId).fetchHistory();
      const events = history.events ?? [];
      expect(events.filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED)).toEqual([]);
      sizes.push(...bytesPerTask(events));
    }
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThan(TASK_LIMIT_BYTES / 4);
  }, 600_000);
});
