import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { EventStore, foldStored, programStreamId } from '@mutu/persistence';
import { z } from 'zod';
import { ApiError } from '../common/api-error';
import { AuditAccess } from './audit-access.service';

export const StateQuerySchema = z
  .strictObject({
    asOf: z.iso.datetime({ offset: true }).optional(),
    version: z.coerce.number().int().min(1).optional(),
  })
  .refine((q) => !(q.asOf && q.version), { message: 'give asOf or version, not both', path: ['asOf'] });
export type StateQuery = z.infer<typeof StateQuerySchema>;

/** The program as it stood at a version or an instant: a fold of the stored events with `evolve`. */
@Injectable()
export class GetStateAtUseCase {
  constructor(
    @Inject(AuditAccess) private readonly access: AuditAccess,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}

  async execute(actor: Actor, programId: string, q: StateQuery) {
    const row = await this.access.program(actor, programId);
    if (q.version !== undefined && q.version > row.version) {
      throw new ApiError(422, 'VERSION_NOT_REACHED', `The program is at version ${row.version}; version ${q.version} does not exist yet.`);
    }
    const all = await this.store.readStream(programStreamId(programId), { toVersion: q.version });
    // asOf is ledger time: the state the store held at that instant, i.e. the prefix of events
    // recorded by then. (occurred_at is the actor's clock and need not grow with the version.)
    const cut = q.asOf ? Date.parse(q.asOf) : undefined;
    const end = cut === undefined ? all.length : all.findIndex((e) => Date.parse(e.recordedAt) > cut);
    const events = end === -1 ? all : all.slice(0, end);
    if (events.length === 0) throw new ApiError(422, 'BEFORE_PROGRAM', 'The program did not exist yet at that time.');
    const last = events[events.length - 1];
    return { programId, version: last.version, occurredAt: last.occurredAt, recordedAt: last.recordedAt, hash: last.hash, state: foldStored(events) };
  }
}
