import { GENESIS_HASH } from '../event-store/hash-chain';
import { classifyBreak } from './chain-classify';
import type { ChainBreak, ChainRow, StreamHead } from './chain.types';
import { rowHashes } from './row-hash';

/**
 * Verifies hash chains from rows fed in (stream_id, version) order, one stream after another.
 * A stream's rows are kept only until the stream ends, so a break can be classified with the
 * whole stream in view; memory is bounded by the longest stream, not the store.
 */
export class ChainVerifier {
  readonly breaks: ChainBreak[] = [];
  streams = 0;
  events = 0;
  private current: ChainRow[] = [];
  private currentId: string | undefined;
  private prevHash = GENESIS_HASH;
  private nextVersion = 1;
  private firstBad = -1;
  private readonly heads = new Map<string, StreamHead>();
  private readonly seen = new Set<string>();

  /** `expected` heads (from checkpoints, or a bundle manifest) reveal truncation and rewrites. */
  constructor(
    private readonly expected: ReadonlyMap<string, readonly StreamHead[]> = new Map(),
    private readonly keepHeads = false,
  ) {}

  push(row: ChainRow): void {
    if (row.streamId !== this.currentId) this.endStream(row.streamId);
    this.events++;
    this.current.push(row);
    if (this.firstBad >= 0) return;
    if (row.version !== this.nextVersion || row.prevHash !== this.prevHash || !rowHashes(row)) {
      this.firstBad = this.current.length - 1;
      return;
    }
    this.prevHash = row.hash;
    this.nextVersion = row.version + 1;
  }

  /** Ends the last stream and checks every expected stream that had no rows at all. */
  finish(onlyStream?: string): { breaks: ChainBreak[]; streams: number; events: number; heads: StreamHead[] } {
    this.endStream(undefined);
    for (const [streamId, heads] of this.expected) {
      if (onlyStream !== undefined && streamId !== onlyStream) continue;
      const head = heads.find((h) => h.version > 0);
      if (head && !this.seen.has(streamId)) {
        this.breaks.push({ streamId: head.streamId, kind: 'truncated', version: 1, detail: `the stream is gone; the checkpoint holds version ${head.version}` });
      }
    }
    this.breaks.sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
    return { breaks: this.breaks, streams: this.streams, events: this.events, heads: [...this.heads.values()] };
  }

  private endStream(nextId: string | undefined): void {
    const rows = this.current;
    if (this.currentId !== undefined && rows.length > 0) {
      this.streams++;
      this.seen.add(this.currentId);
      const found = this.firstBad >= 0 ? classifyBreak(rows, this.firstBad) : this.checkHead(rows);
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
  private checkHead(rows: ChainRow[]): ChainBreak | undefined {
    for (const head of this.expected.get(rows[0].streamId) ?? []) {
      const found = this.checkOneHead(rows, head);
      if (found) return found;
    }
    return undefined;
  }

  private checkOneHead(rows: ChainRow[], head: StreamHead): ChainBreak | undefined {
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

/** Verifies rows already in memory (an exported bundle). */
export function verifyRows(rows: Iterable<ChainRow>, expected?: ReadonlyMap<string, readonly StreamHead[]>) {
  const v = new ChainVerifier(expected, true);
  for (const r of rows) v.push(r);
  return v.finish();
}
