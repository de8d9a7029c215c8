import { formatLocalDate } from '@mutu/calendar';
import { pendingDecisions, type ProgramState } from '@mutu/domain';

/** What the API returns for one program: the folded state plus what is waiting on whom. */
export function toProgramView(state: ProgramState, version: number) {
  if (!('programId' in state)) return { version, state };
  return {
    programId: state.programId,
    schoolId: state.schoolId,
    regionId: state.regionId,
    budgetYear: state.budgetYear,
    title: state.title,
    stage: state.stage,
    version,
    pendingDecisions: pendingDecisions(state),
    state,
  };
}

type ProgramViewRow = { state: unknown; version: number; next_due_date: Date | string | null; overdue: boolean };

/**
 * A `date` column as the calendar date it holds (YYYY-MM-DD). The driver reads one as local
 * midnight, so its ISO form would move a due date by the process's UTC offset.
 */
export function calendarDate(value: Date | string | null): string | null {
  if (value === null || typeof value === 'string') return value;
  return formatLocalDate({ year: value.getFullYear(), month: value.getMonth() + 1, day: value.getDate() });
}

/** The view of a read-model row: the state's view plus the deadline columns the tracker keeps. */
export function rowToView(row: ProgramViewRow) {
  return { ...toProgramView(row.state as ProgramState, row.version), nextDueDate: calendarDate(row.next_due_date), overdue: row.overdue };
}

/**
 * The view after a command: Updates answer with the version only (a full state in every Update
 * result would bloat the workflow history), and the read model was written in the same
 * transaction as the events, so it already holds that version or a later one.
 */
export async function viewAfterCommand(
  programs: { findById(id: string): Promise<ProgramViewRow | undefined> },
  programId: string,
  outcome: { version: number },
) {
  const row = await programs.findById(programId);
  if (!row) throw new Error(`program ${programId} has no read model row after version ${outcome.version}`);
  return rowToView(row);
}
