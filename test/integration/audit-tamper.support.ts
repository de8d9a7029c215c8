// Shared by the audit tamper tests: realistic programs appended with the EventStore, and the
// tampering an attacker with database (or file) access could do.
import { randomUUID } from 'node:crypto';
import { decide, evolve, initialProgramState, type ProgramCommand, type ProgramState } from '@mutu/domain';
import { eventHash, GENESIS_HASH, type EventStore, type StoredEvent } from '@mutu/persistence';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { happyPath } from '@mutu/domain/testing';

export type TamperKind = 'edited' | 'deleted' | 'inserted' | 'reordered' | 'truncated';
export interface Tamper {
  kind: TamperKind;
  /** Position as a fraction of the stream, turned into a version once its length is known. */
  at: number;
  variant: number;
}

export const tamperArb: fc.Arbitrary<Tamper> = fc.record({
  kind: fc.constantFrom<TamperKind>('edited', 'deleted', 'inserted', 'reordered', 'truncated'),
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  variant: fc.nat(3),
});

/** The version a tamper hits in a stream of n events, and the version verify must name. */
export function targetVersion(t: Tamper, n: number): number {
  switch (t.kind) {
    case 'edited':
    case 'inserted':
      return 1 + Math.floor(t.at * n);
    case 'deleted':
    case 'reordered':
      return 1 + Math.floor(t.at * (n - 1)); // never the last: deleting it is a truncation
    case 'truncated':
      return 2 + Math.floor(t.at * (n - 1));
  }
}

/** A random program: a prefix of the happy path with 1–3 activities. */
export const programArb = fc.record({ activities: fc.integer({ min: 1, max: 3 }), take: fc.double({ min: 0, max: 1, noNaN: true }) }).map(({ activities, take }) => {
  const g = happyPath(activities);
  const all = [...g.plan, ...g.assign, ...g.execute, ...g.document, ...g.report] as ProgramCommand[];
  return all.slice(0, Math.max(3, Math.round(take * all.length)));
});

let streamCounter = 0;

/** Decides each command and appends its events, as the workflow would. Returns the stream id. */
export async function appendProgram(store: EventStore, commands: readonly ProgramCommand[], prefix = 'audit-test'): Promise<string> {
  const streamId = `${prefix}-${process.pid}-${Date.now()}-${streamCounter++}`;
  let state: ProgramState = initialProgramState();
  let version = 0;
  for (const c of commands) {
    const events = decide(c, state);
    if (events.length === 0) continue;
    const r = await store.append({
      streamId,
      expectedVersion: version,
      commandId: `${streamId}:${c.commandId}`,
      events: events.map((e) => ({ type: e.type, v: e.v, data: e.data as Record<string, unknown> })),
      metadata: { commandType: c.type, actorId: c.actor.userId, actorRoles: c.actor.roles },
      occurredAt: c.now,
    });
    for (const e of events) state = evolve(state, e);
    version = r.toVersion;
  }
  return streamId;
}

function forgedFrom(source: StoredEvent, version: number, prevHash: string): StoredEvent {
  const data = { ...source.data, at: new Date(Date.parse(source.occurredAt) + 1000).toISOString() };
  const e = { ...source, version, data, commandId: `forged-${randomUUID()}`, prevHash };
  return { ...e, hash: eventHash(prevHash, e) };
}

/** Applies the tamper to the events table like an attacker with database access. */
export async function tamperInDb(ds: DataSource, streamId: string, t: Tamper, events: StoredEvent[]): Promise<number> {
  const n = events.length;
  const k = targetVersion(t, n);
  await ds.transaction(async (tx) => {
    await tx.query(`SET LOCAL mutu.allow_event_rewrite = 'on'`);
    const q = (sql: string, extra: unknown[] = []) => tx.query(sql, [streamId, ...extra]);
    const shift = async (from: number, by: number) => {
      await q('UPDATE events SET version = version + 1000000 WHERE stream_id = $1 AND version >= $2', [from]);
      await q('UPDATE events SET version = version - 1000000 + $2 WHERE stream_id = $1 AND version >= 1000000', [by]);
    };
    switch (t.kind) {
      case 'edited':
        if (t.variant === 0) await q(`UPDATE events SET data = jsonb_set(data::jsonb, '{tampered}', 'true')::json WHERE stream_id = $1 AND version = $2`, [k]);
        else if (t.variant === 1) await q(`UPDATE events SET occurred_at = occurred_at + interval '1 second' WHERE stream_id = $1 AND version = $2`, [k]);
        else if (t.variant === 2) await q(`UPDATE events SET metadata = jsonb_set(metadata::jsonb, '{actorId}', '"u-intruder"')::json WHERE stream_id = $1 AND version = $2`, [k]);
        else await q(`UPDATE events SET hash = $3 WHERE stream_id = $1 AND version = $2`, [k, 'f'.repeat(64)]);
        break;
      case 'deleted':
        await q('DELETE FROM events WHERE stream_id = $1 AND version = $2', [k]);
        if (t.variant % 2 === 1) await shift(k + 1, -1); // and renumber the rest to hide the gap
        break;
      case 'inserted': {
        await shift(k, 1);
        const f = forgedFrom(events[(t.variant * 7) % n], k, k === 1 ? GENESIS_HASH : events[k - 2].hash);
        await q(
          `INSERT INTO events (stream_id, version, type, data, metadata, occurred_at, command_id, command_index, prev_hash, hash)
           VALUES ($1, $2, $3, $4::json, $5::json, $6, $7, 0, $8, $9)`,
          [k, f.type, JSON.stringify(f.data), JSON.stringify(f.metadata), f.occurredAt, f.commandId, f.prevHash, f.hash],
        );
        break;
      }
      case 'reordered':
        await q('UPDATE events SET version = 1000000 WHERE stream_id = $1 AND version = $2', [k]);
        await q('UPDATE events SET version = $2 WHERE stream_id = $1 AND version = $3', [k, k + 1]);
        await q('UPDATE events SET version = $2 WHERE stream_id = $1 AND version = 1000000', [k + 1]);
        break;
      case 'truncated':
        // The head is the last event, so the chain stays consistent: only a checkpoint remembers.
        await q('DELETE FROM events WHERE stream_id = $1 AND version >= $2', [k]);
        break;
    }
  });
  return k;
}

/** The same tamper applied to an exported event list (a bundle rebuilt by the attacker). */
export function tamperInMemory(events: StoredEvent[], t: Tamper): { events: StoredEvent[]; version: number } {
  const n = events.length;
  const k = targetVersion(t, n);
  const out = events.map((e) => ({ ...e }));
  switch (t.kind) {
    case 'edited': {
      const e = out[k - 1];
      if (t.variant === 0) e.data = { ...e.data, tampered: true };
      else if (t.variant === 1) e.occurredAt = new Date(Date.parse(e.occurredAt) + 1000).toISOString();
      else if (t.variant === 2) e.metadata = { ...e.metadata, actorId: 'u-intruder' };
      else e.hash = 'f'.repeat(64);
      return { events: out, version: k };
    }
    case 'deleted': {
      out.splice(k - 1, 1);
      if (t.variant % 2 === 1) for (let i = k - 1; i < out.length; i++) out[i].version -= 1;
      return { events: out, version: k };
    }
    case 'inserted': {
      const f = forgedFrom(events[(t.variant * 7) % n], k, k === 1 ? GENESIS_HASH : events[k - 2].hash);
      for (let i = k - 1; i < out.length; i++) out[i].version += 1;
      out.splice(k - 1, 0, f);
      return { events: out, version: k };
    }
    case 'reordered': {
      const a = out[k - 1];
      const b = out[k];
      out[k - 1] = { ...b, version: k };
      out[k] = { ...a, version: k + 1 };
      return { events: out, version: k };
    }
    case 'truncated':
      return { events: out.slice(0, k - 1), version: k };
  }
}
