import type { EntityManager } from 'typeorm';

export interface NewEvent {
  type: string;
  v: number;
  data: Record<string, unknown>;
}

export interface AppendRequest {
  streamId: string;
  /** Version the writer last saw; 0 for a new stream. */
  expectedVersion: number;
  /** Unique per command: a retry with the same id is a no-op returning the original result. */
  commandId: string;
  events: NewEvent[];
  /** Shared by every event of the command (actor, roles, command type, workflow run...). */
  metadata: Record<string, unknown>;
  occurredAt: string;
}

export interface StoredEvent {
  position: string;
  streamId: string;
  version: number;
  type: string;
  v: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  occurredAt: string;
  recordedAt: string;
  commandId: string;
  prevHash: string;
  hash: string;
}

export interface AppendResult {
  streamId: string;
  fromVersion: number;
  toVersion: number;
  headHash: string;
  /** true when this command id had already been appended: nothing was written now. */
  duplicate: boolean;
}

/** A read model kept in the same transaction as the append, and rebuildable from the events. */
export interface Projector {
  readonly name: string;
  /** Tables this projector owns, truncated before a rebuild. */
  readonly tables: readonly string[];
  apply(tx: EntityManager, streamId: string, events: StoredEvent[]): Promise<void>;
}

export class StreamVersionConflictError extends Error {
  readonly code = 'STREAM_VERSION_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | undefined,
  ) {
    super(
      `stream ${streamId} is at version ${actualVersion ?? 'unknown'}, the writer expected ${expectedVersion}; ` +
        'someone else changed it first — reload and try again',
    );
    this.name = 'StreamVersionConflictError';
  }
}

export class CommandIdReusedError extends Error {
  readonly code = 'COMMAND_ID_REUSED';
  constructor(readonly commandId: string, readonly streamId: string) {
    super(`command id ${commandId} was already used for another stream (${streamId})`);
    this.name = 'CommandIdReusedError';
  }
}
