// The events of a real program, for benchmarks of the append path as production takes it: decided
// by the domain from the happy path's commands (plan, assignments, execution with evidence,
// documentation, then report edits until the stream is long enough), so the projectors fold,
// store and index the states a school's program really has.
import { actors, command, completeReport, happyPath } from '../../libs/domain/src/testing';
import { decide, evolve, initialProgramState, type ProgramCommand, type ProgramState } from '@mutu/domain';

export interface ProgramEventRow {
  type: string;
  v: number;
  data: Record<string, unknown>;
}

/** At least `length` events of one program, in stream order. */
export function realProgramEvents(length: number, activities = 3): ProgramEventRow[] {
  const g = happyPath(activities);
  const edits = Array.from({ length }, () => command('EditReport', actors.qaTeam, { sections: completeReport }));
  const commands = [...g.plan, ...g.assign, ...g.execute, ...g.document, ...edits] as ProgramCommand[];
  let state: ProgramState = initialProgramState();
  const out: ProgramEventRow[] = [];
  for (const c of commands) {
    for (const e of decide(c, state)) {
      state = evolve(state, e);
      out.push({ type: e.type, v: e.v, data: e.data as Record<string, unknown> });
    }
    if (out.length >= length) break;
  }
  return out.slice(0, length);
}
