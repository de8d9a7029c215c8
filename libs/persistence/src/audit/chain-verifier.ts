import { GENESIS_HASH } from '../event-store/hash-chain';
import { classifyBreak } from './chain-classify';
import type { ChainBreak, ChainRow, LinkRow, StreamHead } from './chain.types';
import { rowHashes } from './row-hash';

/** How rows are judged: whether a row's content hashes, and what a stream broken at `firstBad` is. */
export interface RowJudge<R extends LinkRow> {
  intact(row: R): boolean;
  /** undefined: the break is not reported here (the caller looks at the stream again). */
  broken(rows: readonly R[], firstBad: number): ChainBreak | undefined;
}

/** Rows with their content: hashed here, breaks classified. */
export const FULL_ROWS: RowJudge<ChainRow> = { intact: rowHashes, broken: classifyBreak };

/**
 * Verifies hash chains from rows fed in (stream_id, version) order, one stream after another.
 * A stream's rows are kept only until the stream ends, so a break can be classified with the
 * whole stream in view; memory is bounded by the longest stream, not the store.
 */
export class ChainVerifier<R extends LinkRow = ChainRow> {
  readonly breaks: ChainBreak[] = [];
  readonly seen = new Set<string>();
  streams = 0;
  events = 0;
  private current: R[] = [];
  private currentId: string | undefined;
  private prevHash = GENESIS_HASH;
  private nextVersion = 1;
  private firstBad = -1;
  private readonly heads = new Map<string, StreamHead>();

  /** `expected` heads (from checkpoints, or a bundle manifest) reveal truncation and rewrites. */
  constructor(
    private readonly expected: ReadonlyMap<string, readonly StreamHead[]> = new Map(),
    private readonly keepHeads = false,
    private readonly judge: RowJudge<R> = FULL_ROWS as unknown as RowJudge<R>,
  ) {}

  push(row: R): void {
    if (row.streamId !== this.currentId) this.endStream(row.streamId);
    this.events++;
    this.current.push(row);
    if (this.firstBad >= 0) return;
    if (row.version !== this.nextVersion || row.prevHash !== this.prevHash || !this.judge.intact(row)) {
      this.firstBad = this.current.length - 1;
      return;
    }
    this.prevHash = row.hash;
    this.nextVersion = row.version + 1;
  }

  /** Ends the last stream (streams with no rows at all: see `goneStreams`). */
  finish(): { breaks: ChainBreak[]; streams: number; events: number; heads: StreamHead[] } {
    this.endStream(undefined);
    return { breaks: this.breaks, streams: this.streams, events: this.events, heads: [...this.heads.values()] };
  }

  private endStream(nextId: string | undefined): void {
    const rows = this.current;
    if (this.currentId !== undefined && rows.length > 0) {
      this.streams++;
      this.seen.add(this.currentId);
      const found = this.firstBad >= 0 ? this.judge.broken(rows, this.firstBad) : this.checkHead(rows);
      if (found) this.breaks.push(found);
      const last = rows[rows.length - 1];
      if (this.keepHeads) this.heads.set(last.streamId, { streamId: last.streamId, version: last.version, hash: last.hash });
    }
    this.current = [];
    this.currentId = nextId;
    this.prevHash = GENESIS_HASH;
    this.nextVersion = 1;
    this.firstBad = -1;
  }

  /** A consistent chain must still reach the expected head (later appends are fine). */
  private checkHead(rows: R[]): ChainBreak | undefined {
    for (const head of this.expected.get(rows[0].streamId) ?? []) {
      const found = this.checkOneHead(rows, head);
      if (found) return found;
    }
    return undefined;
  }

  private checkOneHead(rows: R[], head: StreamHead): ChainBreak | undefined {
    const last = rows[rows.length - 1];
    if (last.version < head.version) {
      return {
        streamId: head.streamId,
        kind: 'truncated',
        version: last.version + 1,
        detail: `the chain ends at version ${last.version}; the checkpoint holds version ${head.version}`,
      };
    }
    const atHead = rows[head.version - 1];
    if (atHead.hash !== head.hash) {
      return {
        streamId: head.streamId,
        kind: 'rewritten',
        // Without the original rows the first rewritten version is unknowable; the head is named.
        version: head.version,
        detail: `version ${head.version} hashes to ${atHead.hash.slice(0, 12)}…, the checkpoint holds ${head.hash.slice(0, 12)}…: the chain was rebuilt`,
      };
    }
    return undefined;
  }
}

/** Every expected stream (of `onlyStream`, when given) that had no rows at all: truncated to nothing. */
export function goneStreams(expected: ReadonlyMap<string, readonly StreamHead[]>, seen: ReadonlySet<string>, onlyStream?: string): ChainBreak[] {
  const gone: ChainBreak[] = [];
  for (const [streamId, heads] of expected) {
    if (onlyStream !== undefined && streamId !== onlyStream) continue;
    const head = heads.find((h) => h.version > 0);
    if (head && !seen.has(streamId)) gone.push({ streamId, kind: 'truncated', version: 1, detail: `the stream is gone; the checkpoint holds version ${head.version}` });
  }
  return gone;
}

export const byStream = (a: ChainBreak, b: ChainBreak) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0);

/** Verifies rows already in memory (an exported bundle). */
export function verifyRows(rows: Iterable<ChainRow>, expected: ReadonlyMap<string, readonly StreamHead[]> = new Map()) {
  const v = new ChainVerifier(expected, true);
  for (const r of rows) v.push(r);
  const result = v.finish();
  return { ...result, breaks: [...result.breaks, ...goneStreams(expected, v.seen)].sort(byStream) };
}
