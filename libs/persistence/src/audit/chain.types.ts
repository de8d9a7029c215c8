/** What the links of a chain are checked on: versions in sequence, each prev hash the previous hash. */
export interface LinkRow {
  streamId: string;
  version: number;
  prevHash: string;
  hash: string;
}

/**
 * One stored event as the verifier needs it: data and metadata as JSON text (as stored, canonical
 * for everything the store wrote), occurredAt in ISO-8601 UTC with milliseconds.
 */
export interface ChainRow extends LinkRow {
  type: string;
  dataJson: string;
  metadataJson: string;
  occurredAt: string;
}

/**
 * What a broken chain looks like: an event changed in place (`edited`), a missing version
 * (`deleted`), an extra link (`inserted`), links pointing at the wrong neighbour (`reordered`),
 * a chain ending before a checkpoint's head (`truncated`), or a chain that no longer reaches a
 * checkpoint's head hash although it is consistent in itself (`rewritten`).
 */
export type TamperKind = 'edited' | 'deleted' | 'inserted' | 'reordered' | 'truncated' | 'rewritten';

export interface ChainBreak {
  streamId: string;
  kind: TamperKind;
  /** The first version that is not what was originally recorded. */
  version: number;
  detail: string;
}

/** A stream head as a checkpoint holds it. */
export interface StreamHead {
  streamId: string;
  version: number;
  hash: string;
}

export interface VerifyReport {
  ok: boolean;
  streams: number;
  events: number;
  /** First break of every broken stream, in stream order. */
  breaks: ChainBreak[];
  /** Which checkpoint the chain was compared with, if any. */
  checkpointId?: string;
  elapsedMs: number;
}
