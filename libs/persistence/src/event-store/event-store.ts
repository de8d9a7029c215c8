import type { DataSource, EntityManager } from 'typeorm';
import { prepareAppend, type AppendStatementRow, type PreparedAppend, type StreamHead } from './append-statement';
import { GENESIS_HASH, normalizeInstant } from './hash-chain';
import {
  CommandIdReusedError,
  StreamVersionConflictError,
  type AppendRequest,
  type AppendResult,
  type Projector,
  type StoredEvent,
} from './event-store.types';

const UNIQUE_VIOLATION = '23505';
const MAX_REMEMBERED_HEADS = 10_000;

/** The statement claimed the command but the stream head was not where the writer expected. */
class HeadNotMoved extends Error {}

interface PgClient {
  query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: AppendStatementRow[] }>;
}

type Queryable = Pick<EntityManager, 'query'>;

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

export const EVENT_COLUMNS =
  'position, stream_id, version, type, data, metadata, occurred_at, recorded_at, command_id, prev_hash, hash';

/**
 * Appends commands' events to per-stream hash chains. One transaction covers the command log,
 * the events, the stream head and every projector, so a read model never disagrees with the
 * events it was built from. The writes themselves are one statement (see append-statement.ts);
 * without projectors an append to an existing stream needs no transaction at all.
 */
export class EventStore {
  private readonly heads = new Map<string, StreamHead>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly projectors: readonly Projector[] = [],
  ) {}

  async append(req: AppendRequest): Promise<AppendResult> {
    if (req.events.length === 0) throw new RangeError('an append needs at least one event');
    let head = req.expectedVersion === 0 ? { version: 0, hash: GENESIS_HASH } : (this.heads.get(req.streamId) ?? (await this.readHead(req.streamId)));
    for (let attempt = 0; ; attempt++) {
      const prepared = prepareAppend(req, head);
      try {
        const result =
          prepared.atomic && this.projectors.length === 0
            ? await this.appendAlone(req, prepared)
            : await this.dataSource.transaction((tx) => this.appendIn(tx, req, prepared));
        if (!result.duplicate) this.rememberHead(req.streamId, { version: result.toVersion, hash: result.headHash });
        return result;
      } catch (e) {
        if (!(e instanceof HeadNotMoved) && (e as { code?: string }).code !== UNIQUE_VIOLATION) throw e;
        this.heads.delete(req.streamId);
        const actual = await this.readHead(req.streamId);
        // Only the remembered hash was stale (another process appended): chain from the real head once.
        if (attempt === 0 && actual.version === req.expectedVersion && actual.hash !== head.hash) {
          head = actual;
          continue;
        }
        const existing = await this.findCommand(this.dataSource, req.commandId);
        if (existing) return this.duplicateResult(req, existing);
        throw new StreamVersionConflictError(req.streamId, req.expectedVersion, actual.version);
      }
    }
  }

  private async appendIn(tx: EntityManager, req: AppendRequest, prepared: PreparedAppend): Promise<AppendResult> {
    const [row]: AppendStatementRow[] = await tx.query(prepared.sql, prepared.params);
    const unclaimed = await this.unclaimed(tx, req, row);
    if (unclaimed) return unclaimed;
    if (this.projectors.length > 0) {
      const stored: StoredEvent[] = prepared.rows.map((r, i) => ({
        position: row.positions![i],
        streamId: req.streamId,
        version: r.version,
        type: r.type,
        v: Number(r.metadata.v ?? 1),
        data: r.data,
        metadata: r.metadata,
        occurredAt: prepared.occurredAt,
        recordedAt: normalizeInstant(row.recorded_at![i]),
        commandId: req.commandId,
        prevHash: r.prevHash,
        hash: r.hash,
      }));
      for (const projector of this.projectors) await projector.apply(tx, req.streamId, stored);
    }
    return { streamId: req.streamId, fromVersion: prepared.fromVersion, toVersion: prepared.toVersion, headHash: prepared.headHash, duplicate: false };
  }

  /** Without projectors an append to an existing stream is one prepared statement, no transaction. */
  private async appendAlone(req: AppendRequest, prepared: PreparedAppend): Promise<AppendResult> {
    const driver = this.dataSource.driver as unknown as { obtainMasterConnection(): Promise<[PgClient, () => void]> };
    const [client, release] = await driver.obtainMasterConnection();
    let row: AppendStatementRow;
    try {
      row = (await client.query({ name: prepared.name, text: prepared.sql, values: prepared.params })).rows[0];
    } finally {
      release(); // before any further query: holding one connection while waiting for another can starve the pool
    }
    const unclaimed = await this.unclaimed(this.dataSource, req, row);
    return unclaimed ?? { streamId: req.streamId, fromVersion: prepared.fromVersion, toVersion: prepared.toVersion, headHash: prepared.headHash, duplicate: false };
  }

  /**
   * A statement that claimed nothing met either an earlier append of the command (answer as it
   * did; the claim waited for a concurrent one to commit) or a head elsewhere (a conflict).
   */
  private async unclaimed(q: Queryable, req: AppendRequest, row: AppendStatementRow): Promise<AppendResult | undefined> {
    if (row.claimed) {
      if (!row.moved) throw new HeadNotMoved();
      return undefined;
    }
    const existing = await this.findCommand(q, req.commandId);
    if (!existing) throw new HeadNotMoved();
    return this.duplicateResult(req, existing);
  }

  private async readHead(streamId: string): Promise<StreamHead> {
    const rows: { version: number; head_hash: string }[] = await this.dataSource.query(
      'SELECT version, head_hash FROM streams WHERE stream_id = $1',
      [streamId],
    );
    return rows[0] ? { version: rows[0].version, hash: rows[0].head_hash } : { version: 0, hash: GENESIS_HASH };
  }

  /** Remembers the head this process wrote last, so the next append of the stream needs no read. */
  private rememberHead(streamId: string, head: StreamHead): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > MAX_REMEMBERED_HEADS) this.heads.delete(this.heads.keys().next().value as string);
  }

  private async findCommand(q: Queryable, commandId: string) {
    const rows: { stream_id: string; from_version: number; to_version: number; hash: string | null }[] = await q.query(
      `SELECT c.stream_id, c.from_version, c.to_version, e.hash FROM commands c
         LEFT JOIN events e ON e.stream_id = c.stream_id AND e.version = c.to_version
        WHERE c.command_id = $1`,
      [commandId],
    );
    return rows[0];
  }

  private duplicateResult(
    req: AppendRequest,
    existing: { stream_id: string; from_version: number; to_version: number; hash: string | null },
  ): AppendResult {
    if (existing.stream_id !== req.streamId) throw new CommandIdReusedError(req.commandId, existing.stream_id);
    return {
      streamId: existing.stream_id,
      fromVersion: existing.from_version,
      toVersion: existing.to_version,
      headHash: existing.hash ?? '',
      duplicate: true,
    };
  }

  async currentVersion(streamId: string): Promise<number> {
    const rows: { version: number }[] = await this.dataSource.query('SELECT version FROM streams WHERE stream_id = $1', [streamId]);
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
