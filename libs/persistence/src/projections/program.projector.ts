import { evolve, initialProgramState, pendingDecisions, upcast, type ProgramState } from '@mutu/domain';
import type { EntityManager } from 'typeorm';
import type { Projector, StoredEvent } from '../event-store/event-store.types';

export const PROGRAM_STREAM_PREFIX = 'program-';

/** SQL: the earliest open deadline of the program whose id is the expression `programId`. */
export const nextDueDateOf = (programId: string) => `(SELECT min(due_date) FROM deadlines WHERE program_id = ${programId})`;

/**
 * SQL: whether the `programs` row `alias` is past its next due date, by the calendar of the
 * program's own time zone (overdue from the first day after the due date).
 */
export const overdueOf = (alias: string) =>
  `(${alias}.next_due_date IS NOT NULL AND ${alias}.next_due_date < (now() AT TIME ZONE ${alias}.time_zone)::date)`;

export function programStreamId(programId: string): string {
  return `${PROGRAM_STREAM_PREFIX}${programId}`;
}

/** Folds stored events into the program state with the domain's own evolve. */
export function foldStored(events: readonly StoredEvent[], from: ProgramState = initialProgramState()): ProgramState {
  let state = from;
  for (const e of events) state = evolve(state, upcast({ type: e.type, v: e.v, data: e.data }));
  return state;
}

type ActiveState = Extract<ProgramState, { programId: string }>;

function progressOf(state: ActiveState): number {
  const order = ['plan', 'assign', 'execute', 'document', 'report', 'closed'];
  const idx = order.indexOf(state.stage);
  if (state.stage === 'cancelled') return 0;
  const activities = state.plan.activities;
  const settled = activities.filter((a) => a.status === 'done' || a.status === 'dropped').length;
  const within = state.stage === 'execute' && activities.length > 0 ? settled / activities.length : 0;
  return Math.min(1, (idx + within) / (order.length - 1));
}

/** `programs` (one row per program) and `tasks` (what waits on whom) as folds of the events. */
export class ProgramProjector implements Projector {
  readonly name = 'programs';
  readonly tables = ['tasks', 'programs'] as const;

  async apply(tx: EntityManager, streamId: string, events: StoredEvent[]): Promise<void> {
    if (!streamId.startsWith(PROGRAM_STREAM_PREFIX)) return;
    const programId = streamId.slice(PROGRAM_STREAM_PREFIX.length);
    const rows: { state: ProgramState }[] = await tx.query('SELECT state FROM programs WHERE program_id = $1', [programId]);
    const state = foldStored(events, rows[0]?.state ?? initialProgramState());
    if (!('programId' in state)) return;
    const s = state as ActiveState;
    const last = events[events.length - 1];
    // created_at comes from the state: a rebuild projects a whole stream as one batch. The next due
    // date is read from the open deadlines (computed per stage, kept outside the events), so a
    // rebuild finds it as the live model has it; a closed or cancelled program has none.
    await tx.query(
      `INSERT INTO programs (program_id, school_id, region_id, budget_year, title, stage, version, state, progress, created_at, updated_at, time_zone, next_due_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $11, $10, $12, CASE WHEN $13::boolean THEN NULL ELSE ${nextDueDateOf('$1')} END)
       ON CONFLICT (program_id) DO UPDATE SET title = EXCLUDED.title, stage = EXCLUDED.stage, version = EXCLUDED.version,
         state = EXCLUDED.state, progress = EXCLUDED.progress, updated_at = EXCLUDED.updated_at, time_zone = EXCLUDED.time_zone,
         next_due_date = EXCLUDED.next_due_date`,
      [
        programId,
        s.schoolId,
        s.regionId,
        s.budgetYear,
        s.title,
        s.stage,
        last.version,
        JSON.stringify(s),
        progressOf(s),
        last.occurredAt,
        s.createdAt,
        s.timeZone,
        s.stage === 'closed' || s.stage === 'cancelled',
      ],
    );
    await tx.query('DELETE FROM tasks WHERE program_id = $1', [programId]);
    const pending = pendingDecisions(s);
    if (pending.length === 0) return;
    const params: unknown[] = [];
    const tuples = pending.map((p, i) => {
      const b = params.length;
      params.push(
        `${programId}:${p.kind}:${p.activityId ?? '-'}:${p.userId ?? p.role}:${i}`,
        programId,
        p.kind,
        p.stage,
        p.role,
        p.userId ?? null,
        s.schoolId,
        s.regionId,
        p.activityId ?? null,
        p.since,
      );
      return `(${Array.from({ length: 10 }, (_, k) => `$${b + k + 1}`).join(', ')})`;
    });
    await tx.query(
      `INSERT INTO tasks (task_id, program_id, kind, stage, role, user_id, school_id, region_id, activity_id, since) VALUES ${tuples.join(', ')}`,
      params,
    );
  }
}
