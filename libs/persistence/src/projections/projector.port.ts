import type { Type } from '@nestjs/common';
import type { Projector } from '../event-store/event-store.types';

/**
 * The port through which other libraries add read models to the append's transaction (the
 * notification outbox, for one) without persistence importing them: a library implements
 * `Projector`, an app module lists its classes in `PersistenceModule.forRoot({ projectors })`, and
 * the event store runs them after persistence's own projectors (programs, campaigns), whose rows
 * they may read.
 */
export const DOWNSTREAM_PROJECTORS = Symbol('DOWNSTREAM_PROJECTORS');

export type ProjectorClass = Type<Projector>;

export interface PersistenceOptions {
  /** Projectors of other libraries, run in this order after persistence's own. */
  projectors: readonly ProjectorClass[];
}
