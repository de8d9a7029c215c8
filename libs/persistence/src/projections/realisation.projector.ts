import { budgetComponentOf, expendituresOf, type ProgramState } from '@mutu/domain';
import type { EntityManager } from 'typeorm';
import type { Projector, StoredEvent } from '../event-store/event-store.types';
import { PROGRAM_STREAM_PREFIX, programStateInTransaction } from './program.projector';
import { writeInTransaction } from '../event-store/append-transaction';
import { readProgramState } from './program-state';

/** Events that change what a program planned or spent. */
const RELEVANT = new Set(['ProgramCreated', 'PlanEdited', 'ActivityCompleted', 'ActivityDropped', 'ExpenditureRecorded', 'ExpenditureWithdrawn']);

/**
 * `realisation_activities` (planned amount per activity and component) and
 * `realisation_expenditures` (what was spent, legacy realised costs as one expenditure each): the
 * read model of the realisation reports. It runs after the program projector, in the same
 * transaction, and rewrites a program's rows from the state that projector just stored, so a
 * rebuild (which runs the projectors in the same order) gives the same rows.
 */
export class RealisationProjector implements Projector {
  readonly name = 'realisation';
  readonly tables = ['realisation_expenditures', 'realisation_activities'] as const;

  private async storedState(tx: EntityManager, programId: string): Promise<ProgramState | undefined> {
    return (await readProgramState(tx, programId))?.state;
  }

  async apply(tx: EntityManager, streamId: string, events: StoredEvent[]): Promise<void> {
    if (!streamId.startsWith(PROGRAM_STREAM_PREFIX) || !events.some((e) => RELEVANT.has(e.type))) return;
    const programId = streamId.slice(PROGRAM_STREAM_PREFIX.length);
    // The state the program projector folded in this append spares reading the row back.
    const state = programStateInTransaction(tx, programId, events[events.length - 1]) ?? (await this.storedState(tx, programId));
    if (!state || state.status === 'none') return;
    const activities = state.plan.activities;
    const spent = activities.flatMap((a) => expendituresOf(a).map((e) => ({ activityId: a.id, ...e })));
    const col = <T, K extends keyof T>(list: T[], key: K) => list.map((x) => x[key] ?? null);
    // The old rows go first, in a statement of their own: inside one statement the order of a
    // DELETE and an INSERT of the same key is not defined.
    // Writes whose answers nothing here needs: in the append's transaction they travel with the
    // statements after them (writeInTransaction), in order.
    await writeInTransaction(
      tx,
      'WITH gone AS (DELETE FROM realisation_activities WHERE program_id = $1) DELETE FROM realisation_expenditures WHERE program_id = $1',
      [programId],
    );
    await writeInTransaction(
      tx,
      `WITH ins_a AS (
              INSERT INTO realisation_activities (program_id, activity_id, school_id, region_id, budget_year, program_title,
                activity_title, component, budget_line, planned_amount, window_start, status)
              SELECT $1, u.activity_id, $2, $3, $4, $5, u.activity_title, u.component, u.budget_line, u.planned_amount, u.window_start, u.status
                FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $21::date[], $11::text[])
                  AS u(activity_id, activity_title, component, budget_line, planned_amount, window_start, status)
              RETURNING 1)
       INSERT INTO realisation_expenditures (program_id, activity_id, expenditure_id, school_id, region_id, budget_year,
         component, spent_on, amount, payee, siplah_order_number, evidence_sha256, legacy)
       SELECT $1, e.activity_id, e.expenditure_id, $2, $3, $4, e.component, e.spent_on, e.amount, e.payee, e.siplah, e.evidence, e.legacy
         FROM unnest($12::text[], $13::text[], $14::text[], $15::date[], $16::bigint[], $17::text[], $18::text[], $19::text[], $20::boolean[])
           AS e(activity_id, expenditure_id, component, spent_on, amount, payee, siplah, evidence, legacy)`,
      [
        programId,
        state.schoolId,
        state.regionId,
        state.budgetYear,
        state.title,
        activities.map((a) => a.id),
        activities.map((a) => a.title),
        activities.map((a) => budgetComponentOf(a.budget)),
        activities.map((a) => a.budget.line),
        activities.map((a) => a.budget.amount),
        activities.map((a) => a.status),
        col(spent, 'activityId'),
        col(spent, 'expenditureId'),
        col(spent, 'component'),
        col(spent, 'date'),
        col(spent, 'amount'),
        col(spent, 'payee'),
        col(spent, 'siplahOrderNumber'),
        col(spent, 'evidenceSha256'),
        col(spent, 'legacy'),
        activities.map((a) => a.window.start),
      ],
    );
  }
}
