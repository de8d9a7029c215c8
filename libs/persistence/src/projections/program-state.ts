// A program's stored state and the events after it. `programs.state` is the fold of the stream up
// to `programs.state_version`, which may be a few events behind `programs.version`: rewriting the
// whole state (several KB of JSON, compressed by PostgreSQL) on every append was most of the
// append's cost, so the program projector writes it every so many events (program.projector.ts)
// and every reader of the state folds the events after it.
import { evolve, upcast, type ProgramState } from '@mutu/domain';

/** An event of the tail as the tail's SQL returns it. */
export interface TailEvent {
  type: string;
  v: number | null;
  data: Record<string, unknown>;
}

/**
 * SQL: the events of the program row `alias` after its stored state, up to its version, in order
 * (a JSON array, NULL when the state is current). Read in the same statement as the row, it is
 * exactly the events the state lacks: the row and its events are written in one transaction.
 */
export const programStateTailOf = (alias: string) =>
  `(SELECT json_agg(json_build_object('type', e.type, 'v', e.metadata->'v', 'data', e.data) ORDER BY e.version)
      FROM events e WHERE e.stream_id = 'program-' || ${alias}.program_id AND e.version > ${alias}.state_version AND e.version <= ${alias}.version)`;

/** The program's state at the row's version: the stored state with the tail folded onto it. */
function currentProgramState(stored: ProgramState, tail: readonly TailEvent[] | null | undefined): ProgramState {
  let state = stored;
  for (const e of tail ?? []) state = evolve(state, upcast({ type: e.type, v: Number(e.v ?? 1), data: e.data }));
  return state;
}

/** A row read with `programStateTailOf(…) AS state_tail`, its state brought up to the row's version and the tail dropped. */
export function withCurrentState<R extends { state: unknown; state_tail?: TailEvent[] | null }>(row: R): Omit<R, 'state' | 'state_tail'> & { state: ProgramState } {
  const { state_tail: tail, state: stored, ...rest } = row;
  return { ...rest, state: currentProgramState(stored as ProgramState, tail) };
}

type Queryable = { query(sql: string, params?: unknown[]): Promise<unknown> };

/** A program row's school, region, the version its stored state folds up to, and its current state; undefined when there is no row. */
export async function readProgramState(
  q: Queryable,
  programId: string,
): Promise<{ school_id: string; region_id: string; state_version: number; state: ProgramState } | undefined> {
  const rows = (await q.query(`SELECT p.school_id, p.region_id, p.state_version, p.state, ${programStateTailOf('p')} AS state_tail FROM programs p WHERE p.program_id = $1`, [
    programId,
  ])) as { school_id: string; region_id: string; state_version: number; state: ProgramState; state_tail: TailEvent[] | null }[];
  return rows[0] && withCurrentState(rows[0]);
}
