// Types only: the workflow imports these as types; the worker implements them as Nest providers.
import type { ScheduledItem } from '@mutu/calendar';
import type { Actor, ActivityState, DeadlineExtension, Program, ProgramEvent } from '@mutu/domain';

/** The API's signed envelope of a command; opaque to workflows, checked by the append activity. */
export type CommandEnvelope = Record<string, unknown>;

/** What the append activity checks a user's command against: the command as the API signed it. */
export interface SignedCommand {
  envelope: CommandEnvelope;
  actor: Actor;
  payload: unknown;
}

export interface AppendEventsInput {
  streamId: string;
  expectedVersion: number;
  commandId: string;
  events: ProgramEvent[];
  metadata: Record<string, unknown>;
  occurredAt: string;
  /** Absent for the workflow's own system commands (the system actor, system command types only). */
  signed?: SignedCommand;
  /**
   * The caller can catch up: when the stream already holds events after `expectedVersion`, answer
   * with them (`behind`) instead of refusing with a version conflict. Runs before it leave it unset.
   */
  catchUp?: boolean;
  /**
   * Set by a command that opens a program's next stage: once the events are recorded (now or by
   * an earlier attempt of the same command), the activity also computes that stage's schedule from
   * these inputs and answers with it (`schedule`), so the run that ends the stage needs no local
   * activity of its own for it.
   */
  nextSchedule?: ComputeStageScheduleInput;
}

/** An event the store holds that the caller has not applied yet, with the command that recorded it. */
export interface RecordedEvent {
  version: number;
  commandId: string;
  type: string;
  v: number;
  data: Record<string, unknown>;
}

export interface AppendEventsResult {
  fromVersion: number;
  toVersion: number;
  headHash: string;
  duplicate: boolean;
  /** Only with `catchUp`: the command this answers, which the caller checks is its own. */
  commandId?: string;
  /**
   * Only with `catchUp`: the stream was ahead of `expectedVersion`, so nothing was appended now.
   * The next events after `expectedVersion` (a bounded page, oldest first); the caller applies them
   * and takes its command again.
   */
  behind?: RecordedEvent[];
  /**
   * Only with `nextSchedule`, and only when the command's events are in the store (never with
   * `behind`): the next stage's schedule. Absent when computing it failed; the workflow then
   * computes it itself.
   */
  schedule?: ComputeStageScheduleResult;
}

export interface ProgramActivities {
  appendEvents(input: AppendEventsInput): Promise<AppendEventsResult>;
}

// Deadlines: an activity computes the schedule from data (holidays, policies), so a change of that
// data never changes what a running workflow replays.
/**
 * What a stage's schedule reads of a program. Activity inputs are kept in workflow history (and
 * in the worker's cache), so the schedule gets these facts rather than the whole state.
 */
export interface ScheduleFacts {
  stage: Program['stage'];
  schoolId: string;
  regionId: string;
  budgetYear: number;
  timeZone: string;
  stageStartedAt: string;
  activities: (Pick<ActivityState, 'id' | 'window' | 'status'> & { actualEnd?: string })[];
  /** Set once the report is submitted with its hash: the report stage then schedules the sign-off. */
  reportSubmittedAt?: string;
  extensions: Pick<DeadlineExtension, 'stage' | 'activityId' | 'newDueDate'>[];
}

export interface ComputeStageScheduleInput {
  programId: string;
  facts: ScheduleFacts;
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

/** The input of runs recorded before `facts`: the whole folded program. Old runs may still retry it. */
export interface LegacyComputeStageScheduleInput {
  programId: string;
  state: Program;
  policyVersion?: number;
  now: string;
}

export interface DeadlineActivities {
  computeStageSchedule(input: ComputeStageScheduleInput | LegacyComputeStageScheduleInput): Promise<ComputeStageScheduleResult>;
}
