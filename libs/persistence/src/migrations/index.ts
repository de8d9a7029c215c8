import { EventStore1760000000000 } from './1760000000000-event-store';
import { Identity1760000000100 } from './1760000000100-identity';

/** Every migration, in order. New migrations are appended here. */
export const MIGRATIONS = [EventStore1760000000000, Identity1760000000100];
