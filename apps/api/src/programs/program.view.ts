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
