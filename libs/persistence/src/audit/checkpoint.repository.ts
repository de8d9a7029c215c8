import type { DataSource } from 'typeorm';
import type { StreamHead } from './chain.types';
import { signCheckpoint, type Checkpoint } from './checkpoint';
import type { AuditSigningKey } from './signing-key';

interface CheckpointRow {
  checkpoint_id: string;
  created_at: Date;
  streams: number;
  events: string;
  root: string;
  heads: StreamHead[];
  public_key: string;
  signature: string;
}

const toCheckpoint = (r: CheckpointRow): Checkpoint => ({
  checkpointId: String(r.checkpoint_id),
  createdAt: r.created_at.toISOString(),
  streams: r.streams,
  events: Number(r.events),
  root: r.root,
  heads: r.heads,
  publicKey: r.public_key,
  signature: r.signature,
});

/** How many events verification will read, for progress: exact for one stream, the planner's estimate for all. */
export async function eventCountEstimate(ds: DataSource, streamId?: string): Promise<number> {
  const rows: { n: string | null }[] = streamId
    ? await ds.query('SELECT max(version) AS n FROM events WHERE stream_id = $1', [streamId])
    : await ds.query(`SELECT reltuples::bigint AS n FROM pg_class WHERE oid = 'events'::regclass`);
  return Math.max(0, Number(rows[0]?.n ?? 0));
}

/** The last event of every stream, read from the events themselves. */
export async function eventHeads(ds: DataSource): Promise<StreamHead[]> {
  const rows: { stream_id: string; version: number; hash: string }[] = await ds.query(
    'SELECT DISTINCT ON (stream_id) stream_id, version, hash FROM events ORDER BY stream_id, version DESC',
  );
  return rows.map((r) => ({ streamId: r.stream_id, version: r.version, hash: r.hash }));
}

export class CheckpointRepository {
  constructor(private readonly ds: DataSource) {}

  /** Signs the current head of every stream and stores it. Verify the chain first: this trusts it. */
  async create(key: AuditSigningKey): Promise<Checkpoint> {
    const c = signCheckpoint(await eventHeads(this.ds), key);
    const rows: { checkpoint_id: string }[] = await this.ds.query(
      `INSERT INTO audit_checkpoints (created_at, streams, events, root, heads, public_key, signature)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING checkpoint_id`,
      [c.createdAt, c.streams, c.events, c.root, JSON.stringify(c.heads), c.publicKey, c.signature],
    );
    return { ...c, checkpointId: String(rows[0].checkpoint_id) };
  }

  async latest(): Promise<Checkpoint | undefined> {
    const rows: CheckpointRow[] = await this.ds.query('SELECT * FROM audit_checkpoints ORDER BY checkpoint_id DESC LIMIT 1');
    return rows[0] && toCheckpoint(rows[0]);
  }
}
