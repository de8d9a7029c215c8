// The SQL the store verifier reads events with.

/** occurred_at exactly as `normalizeInstant` writes it (ISO-8601 UTC, milliseconds): no Date per row. */
const OCCURRED_AT_ISO = `to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Whether the row hashes to its stored hash with its data and metadata text taken as stored: the
 * body `canonicalHash` builds, built by PostgreSQL, so only a verdict crosses the wire. The store
 * writes canonical text, so this holds for every untouched row it wrote; a row for which it does
 * not hold is not yet broken (its text may be in another form): the caller looks at it again with
 * `rowHashes`, which decides. A match is proof on its own: the hash commits to these exact bytes.
 */
const CONTENT_HASHES = `encode(sha256(convert_to(prev_hash || '{"data":' || data::text || ',"metadata":' || metadata::text ||
  ',"occurredAt":"' || ${OCCURRED_AT_ISO} || '","streamId":' || to_json(stream_id)::text || ',"type":' || to_json(type)::text ||
  ',"version":' || version || '}', 'UTF8')), 'hex') = hash`;

/** Links and the in-database content verdict, in chain order: (stream_id, version, prev_hash, hash, ok). */
export const LINK_ROWS = `SELECT stream_id, version, prev_hash, hash, ${CONTENT_HASHES} FROM events`;

/** Whole rows for `rowHashes` and the classifier: data and metadata as text, not parsed by the driver. */
export const CHAIN_ROWS = `SELECT stream_id, version, type, data::text, metadata::text, ${OCCURRED_AT_ISO}, prev_hash, hash FROM events`;
