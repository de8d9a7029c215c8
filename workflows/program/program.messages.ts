import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PendingDecision, ProgramCommand, ProgramState } from '@mutu/domain';
import type { CommandEnvelope } from './program.activities';

export const PROGRAM_WORKFLOW_TYPE = 'programWorkflow';

export function programWorkflowId(programId: string): string {
  return `program-${programId}`;
}

/** What a run carries into the next one on continue-as-new. */
export interface ProgramCarry {
  state: ProgramState;
  version: number;
  /** Recent command ids, so a retried command after continue-as-new is still recognised. */
  recentCommandIds: string[];
}

export interface ProgramWorkflowInput {
  programId: string;
  carry?: ProgramCarry;
  /** Upsert the MutuStage search attribute (off on servers without Mutu's search attributes). */
  indexStage?: boolean;
  /** Continue-as-new when history reaches this many events even before the server suggests it. */
  maxHistoryEvents?: number;
  /**
   * Create the program as the run's first act: a parent workflow cannot send an Update, so a
   * child program (a campaign's follow-up plan) receives its CreateProgram in the start input.
   */
  create?: Extract<ProgramCommand, { type: 'CreateProgram' }>;
}

/** The result of every accepted command: the caller reads its own write. */
export interface CommandOutcome {
  /** The stage after the command. The full state is not repeated here: every Update result is
   * kept in the workflow history, and a large program's state would bloat it. Read the state
   * from the read model (written with the events) or the `state` query. */
  stage: string;
  version: number;
  events: { type: string; version: number }[];
  /** true when this command id had been accepted before: nothing new was recorded. */
  duplicate: boolean;
}

/**
 * One Update per command type, named after it; all share one handler. The second argument is the
 * API's signed envelope of the command: an Update without one is refused before it is recorded,
 * and the append activity verifies it.
 */
export function commandUpdate<T extends ProgramCommand['type']>(type: T) {
  return defineUpdate<CommandOutcome, [Extract<ProgramCommand, { type: T }>, CommandEnvelope?]>(type);
}

export const stateQuery = defineQuery<{ state: ProgramState; version: number }>('state');
export const pendingDecisionsQuery = defineQuery<PendingDecision[]>('pendingDecisions');
