// Hash-chained appends vs a plain INSERT of the same rows into a scratch table of the same shape,
// measured in the same run on the same database. Size: BENCH_EVENTS events per series (default
// 20,000), 4 concurrent writers each on streams of its own (a workflow is the single writer of its
// stream), streams of 200 events (a program has hundreds).
import { randomUUID } from 'node:crypto';
import { createDataSource, EventStore, migrate, ProgramProjector, type AppendRequest } from '@mutu/persistence';
import { benchEnv, report, type BenchRow } from './support/bench-env';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 20_000);
const WRITERS = 4;
const STREAM_LENGTH = 200;
const ROUNDS = 4;

function eventsOf(n: number, seed: number) {
  return Array.from({ length: n }, (_, i) => ({
    type: 'EvidenceAttached',
    v: 1,
    data: { activityId: `act-${i}`, evidence: { sha256: seed.toString(16).padStart(64, '0'), kind: 'photo', filename: `foto-${i}.jpg`, size: 2048 }, by: 'u-staff', role: 'staff', at: '2026-03-02T01:00:00.000Z' },
  }));
}

/** Runs `commands` commands of `batch` events on WRITERS concurrent writers; returns events/s. */
async function measure(
  batch: number,
  append: (streamId: string, expectedVersion: number, n: number, seed: number) => Promise<void>,
  events: number,
): Promise<{ events: number; seconds: number }> {
  const commands = Math.floor(events / batch);
  const perWriter = Math.floor(commands / WRITERS);
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      let streamId = '';
      let version = 0;
      for (let i = 0; i < perWriter; i++) {
        if (version === 0 || version >= STREAM_LENGTH) {
          streamId = `bench-${randomUUID()}`;
          version = 0;
        }
        await append(streamId, version, batch, w * perWriter + i);
        version += batch;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { events: perWriter * WRITERS * batch, seconds };
}

export async function main(): Promise<void> {
  const env = await benchEnv({ postgres: true });
  const ds = createDataSource({ url: env.pg!.url, poolSize: WRITERS + 2 });
  await ds.initialize();
  try {
    await migrate(ds);
    // The same columns, types and constraints as `events`, without the chain, the trigger or the command log.
    await ds.query('DROP TABLE IF EXISTS bench_plain_events');
    await ds.query('CREATE TABLE bench_plain_events (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)');
    await ds.query(`ALTER TABLE bench_plain_events ALTER COLUMN position SET DEFAULT nextval('events_position_seq')`);
    const bare = new EventStore(ds, []);
    const projected = new EventStore(ds, [new ProgramProjector()]);

    const plain = async (streamId: string, expectedVersion: number, n: number, seed: number) => {
      const params: unknown[] = [];
      const tuples = eventsOf(n, seed).map((e, i) => {
        const b = params.length;
        params.push(streamId, expectedVersion + i + 1, e.type, JSON.stringify(e.data), JSON.stringify({ v: 1 }), '2026-03-02T01:00:00.000Z', randomUUID(), '0'.repeat(64), '1'.repeat(64));
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}::jsonb, $${b + 5}::jsonb, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9})`;
      });
      await ds.query(
        `INSERT INTO bench_plain_events (stream_id, version, type, data, metadata, occurred_at, command_id, prev_hash, hash) VALUES ${tuples.join(', ')}`,
        params,
      );
    };
    const chained = (store: EventStore) => async (streamId: string, expectedVersion: number, n: number, seed: number) => {
      const req: AppendRequest = {
        streamId,
        expectedVersion,
        commandId: randomUUID(),
        events: eventsOf(n, seed),
        metadata: { actorId: 'u-staff', commandType: 'AttachEvidence' },
        occurredAt: '2026-03-02T01:00:00.000Z',
      };
      await store.append(req);
    };

    // Warm-up: connections, plans, JIT.
    await measure(10, plain, 2_000);
    await measure(10, chained(bare), 2_000);

    // Rounds alternate the three series so that load from other processes on this shared machine
    // falls on all of them alike; each figure is the total events over the total time of its rounds.
    const rows: BenchRow[] = [];
    for (const batch of [1, 10]) {
      const series = { plain, bare: chained(bare), projected: chained(projected) };
      const totals = { plain: [0, 0], bare: [0, 0], projected: [0, 0] } as Record<keyof typeof series, [number, number]>;
      for (let round = 0; round < ROUNDS; round++) {
        for (const key of Object.keys(series) as (keyof typeof series)[]) {
          const r = await measure(batch, series[key], TOTAL / ROUNDS);
          totals[key][0] += r.events;
          totals[key][1] += r.seconds;
        }
      }
      const [baseline, withoutProjectors, withProjectors] = (['plain', 'bare', 'projected'] as const).map((k) => totals[k][0] / totals[k][1]);
      const base = { name: `plain INSERT, ${batch}-row statements`, value: baseline };
      rows.push({ name: `plain INSERT ${batch}-row (baseline)`, value: baseline, unit: 'events/s' });
      rows.push({
        name: `append ${batch}-event commands`,
        value: withoutProjectors,
        unit: 'events/s',
        baseline: base,
        target: batch === 10 ? '≥ 0.8× baseline and ≥ 5000 events/s' : '≥ 0.8× baseline',
        pass: withoutProjectors >= 0.8 * baseline && (batch !== 10 || withoutProjectors >= 5_000),
      });
      rows.push({ name: `append ${batch}-event, transaction path (projector hook; no program rows)`, value: withProjectors, unit: 'events/s', baseline: base });
    }
    report('event-store', rows, { eventsPerSeries: TOTAL, rounds: ROUNDS, writers: WRITERS, streamLength: STREAM_LENGTH });
  } finally {
    await ds.query('DROP TABLE IF EXISTS bench_plain_events').catch(() => undefined);
    await ds.destroy();
    await env.stop();
  }
}
