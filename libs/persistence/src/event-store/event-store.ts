import type { DataSource, EntityManager } from 'typeorm';
import { eventHash, GENESIS_HASH, normalizeInstant } from './hash-chain';
import {
  CommandIdReusedError,
  StreamVersionConflictError,
  type AppendRequest,
  type AppendResult,
  type Projector,
  type StoredEvent,
} from './event-store.types';

const UNIQUE_VIOLATION = '23505';

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
 * events it was built from.
 */
export class EventStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projectors: readonly Projector[] = [],
  ) {}

  async append(req: AppendRequest): Promise<AppendResult> {
    if (req.events.length === 0) throw new RangeError('an append needs at least one event');
    try {
      return await this.dataSource.transaction((tx) => this.appendIn(tx, req));
    } catch (e) {
      if ((e as { code?: string }).code === UNIQUE_VIOLATION) {
        const existing = await this.findCommand(req.commandId);
        if (existing) return this.duplicateResult(req, existing);
        throw new StreamVersionConflictError(req.streamId, req.expectedVersion, await this.currentVersion(req.streamId));
      }
      throw e;
    }
  }

  private async appendIn(tx: EntityManager, req: AppendRequest): Promise<AppendResult> {
    const n = req.events.length;
    const fromVersion = req.expectedVersion + 1;
    const toVersion = req.expectedVersion + n;
    const claimed: unknown[] = await tx.query(
      `INSERT INTO commands (command_id, stream_id, from_version, to_version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (command_id) DO NOTHING RETURNING command_id`,
      [req.commandId, req.streamId, fromVersion, toVersion],
    );
    if (claimed.length === 0) {
      const existing = await this.findCommand(req.commandId, tx);
      if (!existing) throw new Error(`command ${req.commandId} vanished during append`);
      return this.duplicateResult(req, existing);
    }
    const head: { version: number; head_hash: string }[] = await tx.query(
      'SELECT version, head_hash FROM streams WHERE stream_id = $1 FOR UPDATE',
      [req.streamId],
    );
    const actual = head[0]?.version ?? 0;
    if (actual !== req.expectedVersion) {
      throw new StreamVersionConflictError(req.streamId, req.expectedVersion, actual);
    }
    let prevHash = head[0]?.head_hash ?? GENESIS_HASH;
    const occurredAt = normalizeInstant(req.occurredAt);
    const params: unknown[] = [];
    const tuples: string[] = [];
    const hashes: { prev: string; hash: string }[] = [];
    req.events.forEach((event, i) => {
      const version = fromVersion + i;
      const metadata = { ...req.metadata, v: event.v };
      const hash = eventHash(prevHash, { streamId: req.streamId, version, type: event.type, data: event.data, metadata, occurredAt });
      hashes.push({ prev: prevHash, hash });
      const b = params.length;
      tuples.push(`($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}::jsonb, $${b + 5}::jsonb, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9})`);
      params.push(req.streamId, version, event.type, JSON.stringify(event.data), JSON.stringify(metadata), occurredAt, req.commandId, prevHash, hash);
      prevHash = hash;
    });
    const rows: EventRow[] = await tx.query(
      `INSERT INTO events (stream_id, version, type, data, metadata, occurred_at, command_id, prev_hash, hash)
       VALUES ${tuples.join(', ')} RETURNING ${EVENT_COLUMNS}`,
      params,
    );
    if (req.expectedVersion === 0) {
      await tx.query('INSERT INTO streams (stream_id, version, head_hash) VALUES ($1, $2, $3)', [req.streamId, toVersion, prevHash]);
    } else {
      await tx.query('UPDATE streams SET version = $2, head_hash = $3, updated_at = now() WHERE stream_id = $1', [
        req.streamId,
        toVersion,
        prevHash,
      ]);
    }
    if (this.projectors.length > 0) {
      const stored = rows.map(toStoredEvent);
      for (const projector of this.projectors) await projector.apply(tx, req.streamId, stored);
    }
    return { streamId: req.streamId, fromVersion, toVersion, headHash: prevHash, duplicate: false };
  }

  private async findCommand(commandId: string, tx?: EntityManager) {
    const rows: { stream_id: string; from_version: number; to_version: number }[] = await (tx ?? this.dataSource).query(
      'SELECT stream_id, from_version, to_version FROM commands WHERE command_id = $1',
      [commandId],
    );
    return rows[0];
  }

  private async duplicateResult(
    req: AppendRequest,
    existing: { stream_id: string; from_version: number; to_version: number },
  ): Promise<AppendResult> {
    if (existing.stream_id !== req.streamId) throw new CommandIdReusedError(req.commandId, existing.stream_id);
    const head: { hash: string }[] = await this.dataSource.query(
      'SELECT hash FROM events WHERE stream_id = $1 AND version = $2',
      [existing.stream_id, existing.to_version],
    );
    return {
      streamId: existing.stream_id,
      fromVersion: existing.from_version,
      toVersion: existing.to_version,
      headHash: head[0]?.hash ?? '',
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
