import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { EventStore, StreamVersionConflictError, type Projector, type StoredEvent } from '@mutu/persistence';
import { DataSource, type EntityManager } from 'typeorm';

/** The single stream of directory and calendar changes made by admins. */
export const ADMIN_STREAM = 'admin';

export interface GovernanceChange<T> {
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  actor: Actor;
  /** The change itself, run in the transaction that appends its event: both commit or neither. */
  apply?: (tx: EntityManager) => Promise<T>;
}

/**
 * Runs each recorded change inside the append's transaction. The event store calls projectors in
 * that transaction, so a change registered under its command id becomes part of it.
 */
class ChangeApplier implements Projector {
  readonly name = 'governance-changes';
  readonly tables: readonly string[] = [];
  readonly pending = new Map<string, (tx: EntityManager) => Promise<unknown>>();
  readonly results = new Map<string, unknown>();

  async apply(tx: EntityManager, _streamId: string, events: StoredEvent[]): Promise<void> {
    const commandId = events[0]?.commandId;
    const change = commandId ? this.pending.get(commandId) : undefined;
    if (change) this.results.set(commandId, await change(tx));
  }
}

const MAX_ATTEMPTS = 8;

/**
 * Governance streams (`admin`, `policy-<regionId>`) are written here, through the event store's
 * public append, not by a workflow: nothing about them is long-running, and each change is one
 * hash-chained event appended in the same transaction as the change it records. Concurrent writers
 * of one stream retry on a version conflict.
 */
@Injectable()
export class GovernanceLog {
  private readonly applier = new ChangeApplier();
  private readonly store: EventStore;

  constructor(@Inject(DataSource) private readonly ds: DataSource) {
    this.store = new EventStore(ds, [this.applier]);
  }

  async record<T>(change: GovernanceChange<T>): Promise<{ result: T; version: number }> {
    const commandId = `gov-${randomUUID()}`;
    if (change.apply) this.applier.pending.set(commandId, change.apply);
    try {
      for (let attempt = 1; ; attempt++) {
        const expectedVersion = await this.store.currentVersion(change.streamId);
        try {
          const appended = await this.store.append({
            streamId: change.streamId,
            expectedVersion,
            commandId,
            events: [{ type: change.type, v: 1, data: change.data }],
            metadata: { commandType: change.type, actorId: change.actor.userId, actorRoles: change.actor.roles },
            occurredAt: new Date().toISOString(),
          });
          return { result: this.applier.results.get(commandId) as T, version: appended.toVersion };
        } catch (e) {
          if (e instanceof StreamVersionConflictError && attempt < MAX_ATTEMPTS) continue;
          throw e;
        }
      }
    } finally {
      this.applier.pending.delete(commandId);
      this.applier.results.delete(commandId);
    }
  }

  read(streamId: string): Promise<StoredEvent[]> {
    return this.store.readStream(streamId);
  }

  /** Every governance stream that exists: the admin stream and each region's policy stream. */
  async streams(regionIds?: readonly string[]): Promise<string[]> {
    const regions: { region_id: string }[] = regionIds
      ? await this.ds.query('SELECT region_id FROM regions WHERE region_id = ANY($1::text[]) ORDER BY region_id', [regionIds])
      : await this.ds.query('SELECT region_id FROM regions ORDER BY region_id');
    const candidates = [ADMIN_STREAM, ...regions.map((r) => `policy-${r.region_id}`)];
    const rows: { stream_id: string }[] = await this.ds.query(
      'SELECT DISTINCT stream_id FROM events WHERE stream_id = ANY($1::text[]) AND version = 1',
      [candidates],
    );
    const present = new Set(rows.map((r) => r.stream_id));
    return candidates.filter((c) => present.has(c));
  }
}
