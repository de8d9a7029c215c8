import { eventHash, normalizeInstant } from './hash-chain';
import type { AppendRequest } from './event-store.types';

/** The head a writer believes the stream has; hashes are chained from it before the round trip. */
export interface StreamHead {
  version: number;
  hash: string;
}

export interface PreparedAppend {
  /** Name of the prepared statement (one text per kind of append). */
  name: string;
  sql: string;
  params: unknown[];
  /** Safe without a surrounding transaction: it writes everything or nothing. */
  atomic: boolean;
  fromVersion: number;
  toVersion: number;
  headHash: string;
  rows: { version: number; type: string; data: Record<string, unknown>; metadata: Record<string, unknown>; prevHash: string; hash: string }[];
  occurredAt: string;
}

export interface AppendStatementRow {
  claimed: boolean;
  moved: boolean;
  positions: string[] | null;
  recorded_at: Date[] | null;
}

const INSERT_EVENTS = `inserted AS (
      INSERT INTO events (stream_id, version, type, data, metadata, occurred_at, command_id, prev_hash, hash)
      SELECT $2, e.version, e.type, e.data, e.metadata, $8, $1, e.prev_hash, e.hash
        FROM jsonb_to_recordset($9::jsonb) AS e(version int, type text, data jsonb, metadata jsonb, prev_hash text, hash text)
       WHERE EXISTS (SELECT 1 FROM head)
      RETURNING version, position, recorded_at
    )
    SELECT EXISTS (SELECT 1 FROM claim) AS claimed, EXISTS (SELECT 1 FROM head) AS moved,
           (SELECT array_agg(position::text ORDER BY version) FROM inserted) AS positions,
           (SELECT array_agg(recorded_at ORDER BY version) FROM inserted) AS recorded_at`;

/**
 * One statement claims the command id, moves the stream head from the expected (version, hash) to
 * the new one, and inserts the events: one round trip instead of four. Each step only runs when
 * the previous one returned a row (data-modifying CTEs see each other only through RETURNING):
 * - a command id already claimed (committed by a concurrent or earlier append) claims nothing;
 * - a head that is not exactly (expectedVersion, prev hash) moves nothing — the UPDATE waits for
 *   a concurrent writer's commit and re-checks, so two writers never both move it;
 * - no event is inserted unless the head moved.
 * The caller rolls back when the command was claimed but the head did not move.
 */
export function prepareAppend(req: AppendRequest, head: StreamHead): PreparedAppend {
  const fromVersion = req.expectedVersion + 1;
  const toVersion = req.expectedVersion + req.events.length;
  const occurredAt = normalizeInstant(req.occurredAt);
  let prevHash = head.hash;
  const rows = req.events.map((event, i) => {
    const version = fromVersion + i;
    const metadata = { ...req.metadata, v: event.v };
    const hash = eventHash(prevHash, { streamId: req.streamId, version, type: event.type, data: event.data, metadata, occurredAt });
    const row = { version, type: event.type, data: event.data, metadata, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // A new stream has no row to lock: the INSERT's unique key decides between concurrent first
  // appends, and the caller runs it in a transaction to undo a claim whose head did not move.
  // An existing stream's head row is locked first and the claim is gated on it, so the statement
  // either does everything or nothing and needs no transaction of its own.
  const sql =
    req.expectedVersion === 0
      ? `
    WITH claim AS (
      INSERT INTO commands (command_id, stream_id, from_version, to_version) VALUES ($1::text, $2::text, $3::int, $4::int)
      ON CONFLICT (command_id) DO NOTHING RETURNING 1
    ), head AS (
      INSERT INTO streams (stream_id, version, head_hash)
      SELECT $2, $4, $7 WHERE EXISTS (SELECT 1 FROM claim) AND $5::int = 0 AND $6::text IS NOT NULL
      ON CONFLICT (stream_id) DO NOTHING RETURNING 1
    ), ${INSERT_EVENTS}`
      : `
    WITH locked AS (
      SELECT 1 FROM streams WHERE stream_id = $2::text AND version = $5::int AND head_hash = $6::text FOR UPDATE
    ), claim AS (
      INSERT INTO commands (command_id, stream_id, from_version, to_version)
      SELECT $1::text, $2, $3::int, $4::int WHERE EXISTS (SELECT 1 FROM locked)
      ON CONFLICT (command_id) DO NOTHING RETURNING 1
    ), head AS (
      UPDATE streams SET version = $4, head_hash = $7, updated_at = now()
       WHERE stream_id = $2 AND EXISTS (SELECT 1 FROM claim) RETURNING 1
    ), ${INSERT_EVENTS}`;
  const params = [
    req.commandId,
    req.streamId,
    fromVersion,
    toVersion,
    req.expectedVersion,
    head.hash,
    prevHash,
    occurredAt,
    JSON.stringify(rows.map((r) => ({ version: r.version, type: r.type, data: r.data, metadata: r.metadata, prev_hash: r.prevHash, hash: r.hash }))),
  ];
  const atomic = req.expectedVersion > 0;
  return { name: atomic ? 'mutu_append_next' : 'mutu_append_first', sql, params, atomic, fromVersion, toVersion, headHash: prevHash, rows, occurredAt };
}
