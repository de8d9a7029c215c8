import { canonicalJson, jsonString } from './canonical-json';
import { canonicalHash, normalizeInstant } from './hash-chain';
import type { AppendRequest } from './event-store.types';

export interface PreparedAppend {
  /** The prepared statement's name: one per statement text. */
  name: string;
  sql: string;
  params: unknown[];
  fromVersion: number;
  toVersion: number;
  headHash: string;
  rows: { version: number; type: string; data: Record<string, unknown>; metadata: Record<string, unknown>; prevHash: string; hash: string }[];
  occurredAt: string;
}

export interface InsertedRow {
  version: number;
  position: string;
  recorded_at: Date;
}

// The unique keys decide everything: (stream_id, version) refuses a second writer of a version,
// (command_id, command_index) refuses a command id already used. A violation waits for a
// concurrent writer's commit, so a duplicate is seen once it is durable. The hash check makes
// sure the chain continues from the event actually stored at the expected version (the writer
// may have chained from a remembered head); it needs no lock because stored events never change.
const CHAIN_CHECK = '$3::int = 1 OR EXISTS (SELECT 1 FROM events WHERE stream_id = $1 AND version = $3 - 1 AND hash = $5::text)';
const many = (where: string) => `
  INSERT INTO events (stream_id, version, type, data, metadata, occurred_at, command_id, command_index, prev_hash, hash)
  SELECT $1::text, e.version, e.type, e.data, e.metadata, $4::timestamptz, $2::text, e.version - $3::int, e.prev_hash, e.hash
    FROM json_to_recordset($6::json) AS e(version int, type text, data json, metadata json, prev_hash text, hash text)
   WHERE ${where}
  RETURNING version, position::text, recorded_at`;
// Most commands record one event: its columns go as parameters of their own, with no JSON
// document to parse into a record set (which costs a 1-event append about a tenth of its speed).
const one = (where: string) => `
  INSERT INTO events (stream_id, version, type, data, metadata, occurred_at, command_id, command_index, prev_hash, hash)
  SELECT $1::text, $3::int, $6::text, $7::json, $8::json, $4::timestamptz, $2::text, 0, $5::text, $9::text
   WHERE ${where}
  RETURNING version, position::text, recorded_at`;
/** Statements that insert nothing when the chain does not continue (an append on its own). */
const ALONE = { many: { name: 'mutu_append', sql: many(CHAIN_CHECK) }, one: { name: 'mutu_append_one', sql: one(CHAIN_CHECK) } };
/**
 * Statements that fail when the chain does not continue (`mutu_chain_continues`, made by a
 * migration): in a transaction whose later statements were sent without waiting for this one, only
 * a failure keeps them from being committed.
 */
const FAILING = {
  many: { name: 'mutu_append_tx', sql: many(`mutu_chain_continues(${CHAIN_CHECK})`) },
  one: { name: 'mutu_append_one_tx', sql: one(`mutu_chain_continues(${CHAIN_CHECK})`) },
};

/**
 * Hashes the command's events from `prevHash` (the hash at the expected version) and builds the
 * single INSERT that appends them. It writes all of them or none: zero rows back (or, with
 * `failWhenMoved`, the error CHAIN_MOVED_SQLSTATE) means the stored event at the expected version
 * is not `prevHash`, a unique violation means another writer or an earlier run of the command got
 * there first.
 */
export function prepareAppend(req: AppendRequest, prevHash: string, failWhenMoved = false): PreparedAppend {
  const statements = failWhenMoved ? FAILING : ALONE;
  const fromVersion = req.expectedVersion + 1;
  const toVersion = req.expectedVersion + req.events.length;
  const occurredAt = normalizeInstant(req.occurredAt);
  const common: unknown[] = [req.streamId, req.commandId, fromVersion, occurredAt, prevHash];
  // Data and metadata are serialized once, canonically: the text hashed is the text stored.
  if (req.events.length === 1) {
    const event = req.events[0];
    const metadata = { ...req.metadata, v: event.v };
    const metadataJson = canonicalJson(metadata);
    const dataJson = canonicalJson(event.data);
    const hash = canonicalHash(prevHash, req.streamId, fromVersion, event.type, dataJson, metadataJson, occurredAt);
    common.push(event.type, dataJson, metadataJson, hash);
    const row = { version: fromVersion, type: event.type, data: event.data, metadata, prevHash, hash };
    return { name: statements.one.name, sql: statements.one.sql, params: common, fromVersion, toVersion, headHash: hash, rows: [row], occurredAt };
  }
  // The metadata differs between a command's events only by their schema version.
  const metadataOf = new Map<number, { metadata: Record<string, unknown>; json: string }>();
  const payload: string[] = [];
  let link = prevHash;
  const rows = req.events.map((event, i) => {
    const version = fromVersion + i;
    let meta = metadataOf.get(event.v);
    if (!meta) {
      const metadata = { ...req.metadata, v: event.v };
      meta = { metadata, json: canonicalJson(metadata) };
      metadataOf.set(event.v, meta);
    }
    const dataJson = canonicalJson(event.data);
    const hash = canonicalHash(link, req.streamId, version, event.type, dataJson, meta.json, occurredAt);
    payload.push(`{"version":${version},"type":${jsonString(event.type)},"data":${dataJson},"metadata":${meta.json},"prev_hash":"${link}","hash":"${hash}"}`);
    const row = { version, type: event.type, data: event.data, metadata: meta.metadata, prevHash: link, hash };
    link = hash;
    return row;
  });
  common.push(`[${payload.join(',')}]`);
  return { name: statements.many.name, sql: statements.many.sql, params: common, fromVersion, toVersion, headHash: link, rows, occurredAt };
}
