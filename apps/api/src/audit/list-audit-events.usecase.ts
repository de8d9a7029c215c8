import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { EventStore, programStreamId, type StoredEvent } from '@mutu/persistence';
import { z } from 'zod';
import { AuditAccess } from './audit-access.service';

export const EventsQuerySchema = z.strictObject({
  afterVersion: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type EventsQuery = z.infer<typeof EventsQuerySchema>;

export function auditEventView(e: StoredEvent) {
  const meta = e.metadata as { actorId?: string; actorRoles?: string[]; commandType?: string; runId?: string };
  const data = e.data as { by?: string; role?: string };
  return {
    version: e.version,
    type: e.type,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    actor: { userId: data.by ?? meta.actorId ?? null, role: data.role ?? null, roles: meta.actorRoles ?? [] },
    commandType: meta.commandType ?? null,
    commandId: e.commandId,
    runId: meta.runId ?? null,
    data: e.data,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

@Injectable()
export class ListAuditEventsUseCase {
  constructor(
    @Inject(AuditAccess) private readonly access: AuditAccess,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}

  async execute(actor: Actor, programId: string, q: EventsQuery) {
    const row = await this.access.program(actor, programId);
    const events = await this.store.readStream(programStreamId(programId), { fromVersion: q.afterVersion + 1, toVersion: q.afterVersion + q.limit });
    const last = events[events.length - 1];
    return {
      programId,
      headVersion: row.version,
      events: events.map(auditEventView),
      nextAfterVersion: last && last.version < row.version ? last.version : null,
    };
  }
}
