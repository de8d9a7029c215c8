import { availableParallelism } from 'node:os';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { CHAIN_ROWS, LINK_ROWS } from './chain-sql';
import { byStream, ChainVerifier, goneStreams, type RowJudge } from './chain-verifier';
import type { ChainBreak, LinkRow, StreamHead, VerifyReport } from './chain.types';
import { expectedHeads, verifyCheckpoint, type Checkpoint } from './checkpoint';
import { eventCountEstimate } from './checkpoint.repository';
import { openSnapshotSessions, streamRanges } from './snapshot-sessions';

export interface VerifyStoreOptions {
  /** One stream; all streams when omitted. */
  streamId?: string;
  /** Checkpoints to hold the chain against (the latest stored one, one kept elsewhere...). */
  checkpoints?: Checkpoint[];
  /** When given, a checkpoint signed by another key is itself reported as tampering. */
  trustedPublicKeyPem?: string;
  batchSize?: number;
  /** Connections reading stream ranges at once (all streams only); default: the cores, at most the pool. */
  parallel?: number;
  onProgress?: (done: number, total: number) => void;
}

interface VerdictRow extends LinkRow {
  contentHashes: boolean;
}

type Where = { sql: string; params: unknown[] };

/**
 * Recomputes the hash chains in the database. PostgreSQL hashes each row's stored text (see
 * chain-sql.ts) and sends links and a verdict; this side checks versions and links. Stream ranges
 * are read in parallel, each through a server-side cursor, all in one read-only snapshot; the next
 * batch is requested before the current one is checked. A stream with any doubt (a failed verdict
 * or link) is read again whole and verified here with the classifier, so every reported break is
 * decided exactly as when everything was hashed here.
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
  const expected = expectedHeads(...heads);
  const total = await eventCountEstimate(ds, opts.streamId);
  const poolSize = (ds.options as { poolSize?: number }).poolSize ?? 10;
  const parallel = opts.streamId ? 1 : Math.max(1, Math.min(opts.parallel ?? availableParallelism(), poolSize));

  const sessions = await openSnapshotSessions(ds, parallel);
  const suspects = new Set<string>();
  const judge: RowJudge<VerdictRow> = { intact: (r) => r.contentHashes, broken: (rows) => void suspects.add(rows[0].streamId) };
  const verifiers: ChainVerifier<VerdictRow>[] = [];
  const breaks: ChainBreak[] = [];
  try {
    const [first] = sessions.clients;
    const wheres: Where[] = opts.streamId
      ? [{ sql: ' WHERE stream_id = $1', params: [opts.streamId] }]
      : (await streamRanges(first, parallel)).map(rangeWhere);
    const progress = () => opts.onProgress?.(sum(verifiers, (v) => v.events), Math.max(total, sum(verifiers, (v) => v.events)));
    await Promise.all(
      wheres.map(async (where, i) => {
        const verifier = new ChainVerifier<VerdictRow>(expected, false, judge);
        verifiers.push(verifier);
        await readCursor<[string, number, string, string, boolean]>(sessions.clients[i], `audit_links_${i}`, LINK_ROWS, where, opts.batchSize, (r) => {
          verifier.push({ streamId: r[0], version: r[1], prevHash: r[2], hash: r[3], contentHashes: r[4] });
        }, progress);
        breaks.push(...verifier.finish().breaks);
      }),
    );
    for (const streamId of suspects) breaks.push(...(await verifyWhole(first, streamId, expected)));
  } finally {
    await sessions.close();
  }
  const seen = new Set(verifiers.flatMap((v) => [...v.seen]));
  breaks.push(...goneStreams(expected, seen, opts.streamId));
  breaks.sort(byStream);
  const latest = opts.checkpoints?.[opts.checkpoints.length - 1];
  return {
    ok: breaks.length === 0 && checkpointProblems.length === 0,
    streams: sum(verifiers, (v) => v.streams),
    events: sum(verifiers, (v) => v.events),
    breaks,
    checkpointId: latest?.checkpointId,
    elapsedMs: Math.round(performance.now() - started),
    checkpointProblems,
  };
}

/** One stream's whole rows, hashed and classified here. */
async function verifyWhole(client: PoolClient, streamId: string, expected: ReadonlyMap<string, readonly StreamHead[]>): Promise<ChainBreak[]> {
  const verifier = new ChainVerifier(expected);
  const where = { sql: ' WHERE stream_id = $1', params: [streamId] };
  await readCursor<[string, number, string, string, string, string, string, string]>(client, 'audit_stream', CHAIN_ROWS, where, undefined, (r) => {
    verifier.push({ streamId: r[0], version: r[1], type: r[2], dataJson: r[3], metadataJson: r[4], occurredAt: r[5], prevHash: r[6], hash: r[7] });
  });
  return verifier.finish().breaks;
}

/** Streams the query's rows (in chain order) through a cursor, fetching the next batch while this one is handled. */
async function readCursor<R>(
  client: PoolClient,
  name: string,
  select: string,
  where: Where,
  batch = 20_000,
  onRow: (r: R) => void,
  onBatch?: () => void,
): Promise<void> {
  await client.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${select}${where.sql} ORDER BY stream_id, version`, where.params);
  const fetch = () => client.query({ text: `FETCH FORWARD ${batch} FROM ${name}`, rowMode: 'array' });
  let pending = fetch();
  for (;;) {
    const { rows } = await pending;
    if (rows.length === 0) break;
    pending = fetch();
    for (let i = 0; i < rows.length; i++) onRow(rows[i] as R);
    onBatch?.();
  }
  await client.query(`CLOSE ${name}`);
}

function rangeWhere([lo, hi]: [string | null, string | null]): Where {
  if (lo === null && hi === null) return { sql: '', params: [] };
  if (lo === null) return { sql: ' WHERE stream_id < $1', params: [hi] };
  if (hi === null) return { sql: ' WHERE stream_id >= $1', params: [lo] };
  return { sql: ' WHERE stream_id >= $1 AND stream_id < $2', params: [lo, hi] };
}

const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);
