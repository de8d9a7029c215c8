import type { DataSource } from 'typeorm';
import { prepareAppend, type InsertedRow, type PreparedAppend } from './append-statement';
import { inAppendTransaction } from './append-transaction';
import { GENESIS_HASH, normalizeInstant } from './hash-chain';
import { queryPrepared } from '../prepared-query';
import { setBounded } from '../bounded-map';
import { CHAIN_MOVED_SQLSTATE } from '../migrations/1760000001600-append-chain-check';
import {
  CommandIdReusedError,
  StreamVersionConflictError,
  type AppendRequest,
  type AppendResult,
  type Projector,
  type StoredEvent,
} from './event-store.types';

const UNIQUE_VIOLATION = '23505';
/** The keys that refuse an append (a projector's own unique keys are its errors, not a conflict). */
const APPEND_KEYS = new Set(['events_stream_version_uq', 'events_command_uq']);
const MAX_REMEMBERED_HEADS = 10_000;

/** Nothing was inserted: the event at the expected version is not the one the writer chained from. */
class ChainedFromStaleHead extends Error {}

interface StreamHead {
  version: number;
  hash: string;
}

interface CommandRow {
  stream_id: string;
  from_version: number;
  to_version: number;
  hash: string;
}

interface EventRow {
  position: string;
  stream_id: string;
  version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  occurred_at: Date;
  recorded_at: Date;
  command_id: string;
  prev_hash: string;
  hash: string;
}

export function toStoredEvent(r: EventRow): StoredEvent {
  return {
    position: String(r.position),
    streamId: r.stream_id,
    version: r.version,
    type: r.type,
    v: Number((r.metadata as { v?: number }).v ?? 1),
    data: r.data,
    metadata: r.metadata,
    occurredAt: normalizeInstant(r.occurred_at),
    recordedAt: normalizeInstant(r.recorded_at),
    commandId: r.command_id,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

function unanswered(): never {
  throw new Error("an appended event's position and recording time are known once its INSERT has answered: read them after awaiting a query");
}

function refusedByKey(e: unknown): boolean {
  const { code, constraint } = e as { code?: string; constraint?: string };
  return code === UNIQUE_VIOLATION && constraint !== undefined && APPEND_KEYS.has(constraint);
}

export const EVENT_COLUMNS =
  'position, stream_id, version, type, data, metadata, occurred_at, recorded_at, command_id, prev_hash, hash';

/**
 * Appends commands' events to per-stream hash chains. The events table is the whole store: an
 * append is one INSERT whose unique keys refuse a stale version and a used command id (see
 * append-statement.ts), and a stream's head is its last event. With projectors the INSERT and
 * every read-model update share one transaction, so a read model never disagrees with the events
 * it was built from; without them the INSERT needs no transaction of its own.
 */
export class EventStore {
  /** The head this process wrote last per stream, so the next append of the stream needs no read. */
  private readonly heads = new Map<string, StreamHead>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly projectors: readonly Projector[] = [],
  ) {}

  async append(req: AppendRequest): Promise<AppendResult> {
    if (req.events.length === 0) throw new RangeError('an append needs at least one event');
    const remembered = this.heads.get(req.streamId);
    let prevHash = remembered?.version === req.expectedVersion ? remembered.hash : undefined;
    for (let attempt = 0; ; attempt++) {
      prevHash ??= await this.hashAt(req.streamId, req.expectedVersion);
      if (prevHash === undefined) return this.refused(req);
      const prepared = prepareAppend(req, prevHash, this.projectors.length > 0);
      try {
        const result =
          this.projectors.length === 0
            ? await this.appendAlone(req, prepared)
            : await this.appendWithProjectors(req, prepared);
        this.rememberHead(req.streamId, { version: result.toVersion, hash: result.headHash });
        return result;
      } catch (e) {
        // A remembered head can only be wrong if the stream was changed behind the store's back: read it once.
        const stale = e instanceof ChainedFromStaleHead || (e as { code?: string }).code === CHAIN_MOVED_SQLSTATE;
        if (stale && attempt === 0) {
          this.heads.delete(req.streamId);
          prevHash = undefined;
          continue;
        }
        if (stale || refusedByKey(e)) return this.refused(req);
        throw e;
      }
    }
  }

  /**
   * The INSERT and every projector in one transaction (append-transaction.ts). The projectors get
   * the stored events before the INSERT has answered: an event's position and recording time are
   * known once it has, which is before any query a projector awaits is answered.
   */
  private async appendWithProjectors(req: AppendRequest, prepared: PreparedAppend): Promise<AppendResult> {
    const known: InsertedRow[] = [];
    const stored = prepared.rows.map((r, i): StoredEvent => {
      const answered = () => known[i] ?? unanswered();
      return {
        get position() {
          return answered().position;
        },
        get recordedAt() {
          return normalizeInstant(answered().recorded_at);
        },
        streamId: req.streamId,
        version: r.version,
        type: r.type,
        v: Number(r.metadata.v ?? 1),
        data: r.data,
        metadata: r.metadata,
        occurredAt: prepared.occurredAt,
        commandId: req.commandId,
        prevHash: r.prevHash,
        hash: r.hash,
      };
    });
    const onInserted = (rows: unknown[]) => {
      for (const row of rows as InsertedRow[]) known[row.version - prepared.fromVersion] = row;
    };
    return inAppendTransaction(this.dataSource, prepared, onInserted, async (tx) => {
      for (const projector of this.projectors) await projector.apply(tx, req.streamId, stored);
      return this.appended(req, prepared);
    });
  }

  /** Without projectors an append is one prepared statement on a pooled connection, no transaction. */
  private async appendAlone(req: AppendRequest, prepared: PreparedAppend): Promise<AppendResult> {
    const rows = await queryPrepared<InsertedRow>(this.dataSource, prepared.name, prepared.sql, prepared.params);
    if (rows.length === 0) throw new ChainedFromStaleHead();
    return this.appended(req, prepared);
  }

  private appended(req: AppendRequest, prepared: PreparedAppend): AppendResult {
    return { streamId: req.streamId, fromVersion: prepared.fromVersion, toVersion: prepared.toVersion, headHash: prepared.headHash, duplicate: false };
  }

  /**
   * The store refused the append: either the command id was used before (answer as that append
   * did; a concurrent one is committed by the time its unique key refused this one) or the stream
   * is not at the expected version.
   */
  private async refused(req: AppendRequest): Promise<AppendResult> {
    const rows: CommandRow[] = await this.dataSource.query(
      `SELECT stream_id, min(version) AS from_version, max(version) AS to_version, (array_agg(hash ORDER BY version DESC))[1] AS hash
         FROM events WHERE command_id = $1 GROUP BY stream_id`,
      [req.commandId],
    );
    const existing = rows[0];
    if (!existing) throw new StreamVersionConflictError(req.streamId, req.expectedVersion, await this.currentVersion(req.streamId));
    if (existing.stream_id !== req.streamId) throw new CommandIdReusedError(req.commandId, existing.stream_id);
    return { streamId: existing.stream_id, fromVersion: existing.from_version, toVersion: existing.to_version, headHash: existing.hash, duplicate: true };
  }

  /** The hash of the stream's event at `version` (the genesis hash before the first), if there is one. */
  private async hashAt(streamId: string, version: number): Promise<string | undefined> {
    if (version === 0) return GENESIS_HASH;
    const rows: { hash: string }[] = await this.dataSource.query('SELECT hash FROM events WHERE stream_id = $1 AND version = $2', [streamId, version]);
    return rows[0]?.hash;
  }

  private rememberHead(streamId: string, head: StreamHead): void {
    setBounded(this.heads, streamId, head, MAX_REMEMBERED_HEADS);
  }

  async currentVersion(streamId: string): Promise<number> {
    const rows: { version: number | null }[] = await this.dataSource.query('SELECT max(version) AS version FROM events WHERE stream_id = $1', [streamId]);
    return rows[0]?.version ?? 0;
  }

  /** Events of one stream in version order, optionally bounded by version or by occurrence time. */
  async readStream(streamId: string, opts: { fromVersion?: number; toVersion?: number; asOf?: string } = {}): Promise<StoredEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND version >= $2 AND version <= $3
         AND ($4::timestamptz IS NULL OR occurred_at <= $4::timestamptz) ORDER BY version`,
      [streamId, opts.fromVersion ?? 1, opts.toVersion ?? 2_147_483_647, opts.asOf ?? null],
    );
    return rows.map(toStoredEvent);
  }

  /** Every event after a global position, in position order (rebuilds, verification, exports). */
  async readAll(afterPosition = '0', limit = 5_000): Promise<StoredEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`,
      [afterPosition, limit],
    );
    return rows.map(toStoredEvent);
  }

  async countEvents(streamId?: string): Promise<number> {
    const rows: { n: string }[] = streamId
      ? await this.dataSource.query('SELECT count(*) AS n FROM events WHERE stream_id = $1', [streamId])
      : await this.dataSource.query('SELECT count(*) AS n FROM events');
    return Number(rows[0].n);
  }

  /** Truncates every projector's tables and replays all events through them, in one transaction. */
  async rebuildProjections(onProgress?: (done: number) => void): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const tables = this.projectors.flatMap((p) => p.tables);
      if (tables.length > 0) await tx.query(`TRUNCATE ${tables.join(', ')} CASCADE`);
      let after = '0';
      let done = 0;
      for (;;) {
        const rows: EventRow[] = await tx.query(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT 5000`,
          [after],
        );
        if (rows.length === 0) break;
        const events = rows.map(toStoredEvent);
        // Consecutive events of one stream go to the projectors together, as they were appended.
        let start = 0;
        for (let i = 1; i <= events.length; i++) {
          if (i === events.length || events[i].streamId !== events[start].streamId) {
            const batch = events.slice(start, i);
            for (const p of this.projectors) await p.apply(tx, batch[0].streamId, batch);
            start = i;
          }
        }
        after = events[events.length - 1].position;
        done += events.length;
        onProgress?.(done);
      }
      return done;
    });
  }
}
