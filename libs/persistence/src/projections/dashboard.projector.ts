import type { EntityManager } from 'typeorm';
import type { Projector, StoredEvent } from '../event-store/event-store.types';
import { DASHBOARD_COMPONENTS_SQL } from './dashboard.sql';
import { PROGRAM_STREAM_PREFIX } from './program.projector';
import { writeInTransaction } from '../event-store/append-transaction';

/** Events that change what a program planned or spent (the realisation projector's set). */
const SPENDING = new Set(['ProgramCreated', 'PlanEdited', 'ActivityCompleted', 'ActivityDropped', 'ExpenditureRecorded', 'ExpenditureWithdrawn']);

/**
 * `dashboard_components` (planned vs realised per program and BOSP component): with
 * `dashboard_programs` (written by the program projector, in its own statement), the education
 * office's dashboard, counted with SQL aggregates instead of folding states per request. It runs
 * after the program and realisation projectors, in the same transaction, and copies from the rows
 * they just wrote, so the live model and a rebuild (same order) agree. Deadlines are not copied:
 * they are computed outside the events and read from `deadlines` when the dashboard is asked,
 * against that day's date.
 */
export class DashboardProjector implements Projector {
  readonly name = 'dashboard';
  readonly tables = ['dashboard_components'] as const;

  async apply(tx: EntityManager, streamId: string, events: StoredEvent[]): Promise<void> {
    if (!streamId.startsWith(PROGRAM_STREAM_PREFIX)) return;
    const programId = streamId.slice(PROGRAM_STREAM_PREFIX.length);
    if (!events.some((e) => SPENDING.has(e.type))) return;
    // Two statements: inside one, the order of a DELETE and an INSERT of the same key is not defined.
    // Nothing here needs their answers: in the append's transaction they travel with the next statement.
    await writeInTransaction(tx, 'DELETE FROM dashboard_components WHERE program_id = $1', [programId]);
    await writeInTransaction(tx, `INSERT INTO dashboard_components ${DASHBOARD_COMPONENTS_SQL('p.program_id', 'p.program_id = $1')}`, [programId]);
  }
}
