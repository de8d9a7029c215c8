import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { ChainVerifier } from './chain-verifier';
import type { StreamHead, VerifyReport } from './chain.types';
import { expectedHeads, verifyCheckpoint, type Checkpoint } from './checkpoint';
import { eventCountEstimate } from './checkpoint.repository';

export interface VerifyStoreOptions {
  /** One stream; all streams when omitted. */
  streamId?: string;
  /** Checkpoints to hold the chain against (the latest stored one, one kept elsewhere...). */
  checkpoints?: Checkpoint[];
  /** When given, a checkpoint signed by another key is itself reported as tampering. */
  trustedPublicKeyPem?: string;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

// Data and metadata as text (not parsed by the driver); occurred_at formatted by PostgreSQL exactly
// as `normalizeInstant` would: no object and no Date per row.
const SELECT_ROWS = `SELECT stream_id, version, type, data::text, metadata::text,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), prev_hash, hash FROM events`;

/**
 * Recomputes the hash chains in the database. Rows stream through a server-side cursor in one
 * read-only snapshot; the next batch is requested before the current one is hashed so
 * PostgreSQL and the hashing overlap.
 */
export async function verifyStore(ds: DataSource, opts: VerifyStoreOptions = {}): Promise<VerifyReport & { checkpointProblems: string[] }> {
  const started = performance.now();
  const checkpointProblems: string[] = [];
  const heads: StreamHead[][] = [];
  for (const c of opts.checkpoints ?? []) {
    const check = verifyCheckpoint(c, opts.trustedPublicKeyPem);
    if (!check.ok) checkpointProblems.push(...check.problems.map((p) => `checkpoint ${c.checkpointId ?? c.createdAt}: ${p}`));
    heads.push(opts.streamId ? c.heads.filter((h) => h.streamId === opts.streamId) : c.heads);
  }
  const verifier = new ChainVerifier(expectedHeads(...heads));
  const total = await eventCountEstimate(ds, opts.streamId);
  const batch = opts.batchSize ?? 20_000;

  const runner = ds.createQueryRunner('slave');
  const client = (await runner.connect()) as PoolClient;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const where = opts.streamId ? ` WHERE stream_id = ${client.escapeLiteral(opts.streamId)}` : '';
    await client.query(`DECLARE audit_chain NO SCROLL CURSOR FOR ${SELECT_ROWS}${where} ORDER BY stream_id, version`);
    const fetch = () => client.query({ text: `FETCH FORWARD ${batch} FROM audit_chain`, rowMode: 'array' });
    let pending = fetch();
    for (;;) {
      const { rows } = await pending;
      if (rows.length === 0) break;
      pending = fetch();
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i] as [string, number, string, string, string, string, string, string];
        verifier.push({ streamId: r[0], version: r[1], type: r[2], dataJson: r[3], metadataJson: r[4], occurredAt: r[5], prevHash: r[6], hash: r[7] });
      }
      opts.onProgress?.(verifier.events, Math.max(total, verifier.events));
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await runner.release();
  }
  const result = verifier.finish(opts.streamId);
  const latest = opts.checkpoints?.[opts.checkpoints.length - 1];
  return {
    ok: result.breaks.length === 0 && checkpointProblems.length === 0,
    streams: result.streams,
    events: result.events,
    breaks: result.breaks,
    checkpointId: latest?.checkpointId,
    elapsedMs: Math.round(performance.now() - started),
    checkpointProblems,
  };
}
