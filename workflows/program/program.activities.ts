// Types only: the workflow imports these as types; the worker implements them as Nest providers.
import type { ScheduledItem } from '@mutu/calendar';
import type { Program, ProgramEvent } from '@mutu/domain';

export interface AppendEventsInput {
  streamId: string;
  expectedVersion: number;
  commandId: string;
  events: ProgramEvent[];
  metadata: Record<string, unknown>;
  occurredAt: string;
}

export interface AppendEventsResult {
  fromVersion: number;
  toVersion: number;
  headHash: string;
  duplicate: boolean;
}

export interface ProgramActivities {
  appendEvents(input: AppendEventsInput): Promise<AppendEventsResult>;
}

// --- deadlines (issue 4): the schedule is computed outside the workflow, from data ---
export interface ComputeStageScheduleInput {
  programId: string;
  /** The folded program in its current stage. */
  state: Program;
  /** The policy version the program started with; absent on the first schedule (latest is used). */
  policyVersion?: number;
  now: string;
}

export interface ComputeStageScheduleResult {
  policyVersion: number;
  stage: string;
  /** Reminders, due instants and escalations, sorted by time. */
  items: ScheduledItem[];
}

export interface DeadlineActivities {
  computeStageSchedule(input: ComputeStageScheduleInput): Promise<ComputeStageScheduleResult>;
}
