import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
  type ActivityOptions,
  type LocalActivityOptions,
} from '@temporalio/workflow';
import {
  PROGRAM_COMMAND_TYPES,
  decide,
  evolve,
  initialProgramState,
  isDomainError,
  isProgram,
  pendingDecisions,
  requireLaterDueDate,
  ProgramCommandSchema,
  type Program,
  type ProgramCommand,
  type ProgramEvent,
  type ProgramState,
} from '@mutu/domain';
import type { ProgramActivities } from './program.activities';
import {
  commandUpdate,
  pendingDecisionsQuery,
  stateQuery,
  type CommandOutcome,
  type ProgramCarry,
  type ProgramWorkflowInput,
} from './program.messages';
import { createSerialQueue } from './serial';
import { appendAuthenticated, requireEnvelope, signedPart } from './command-authentication';
import type { CommandEnvelope } from './program.activities';
import { createDeadlineTracker, type DeadlineCarry } from './deadlines';
import { deprecatePatch, patched } from '@temporalio/workflow';
import type { DeadlineActivities } from './program.activities';

const SCHEDULE_OPTIONS: LocalActivityOptions & ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
};
const { computeStageSchedule } = proxyActivities<DeadlineActivities>(SCHEDULE_OPTIONS);
// Local, like the append: a stage's schedule is computed in the workflow task of the command that
// opened the stage, not in an activity task and a second workflow task of its own.
const { computeStageSchedule: computeStageScheduleLocally } = proxyLocalActivities<DeadlineActivities>(SCHEDULE_OPTIONS);

const APPEND_OPTIONS: LocalActivityOptions & ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds', nonRetryableErrorTypes: ['STREAM_VERSION_CONFLICT', 'COMMAND_ID_REUSED'] },
};
const { appendEvents } = proxyActivities<ProgramActivities>(APPEND_OPTIONS);
// A local activity runs in the worker that holds the workflow task: the Update is accepted,
// recorded and answered in one workflow task, with no activity task round trip through the server.
// The append is idempotent by command id, so a local retry (or a rerun after eviction) is safe.
const { appendEvents: appendEventsLocally } = proxyLocalActivities<ProgramActivities>(APPEND_OPTIONS);

const RECENT_COMMANDS = 500;
const DEFAULT_MAX_HISTORY = 4_000;

function stageOf(state: ProgramState): string {
  return 'stage' in state ? state.stage : 'none';
}

function isTerminal(state: ProgramState): boolean {
  const stage = stageOf(state);
  return stage === 'closed' || stage === 'cancelled';
}

/** DomainErrors become non-retryable Update failures that keep their stable code. */
function decideOrFail(command: ProgramCommand, state: ProgramState): ProgramEvent[] {
  return failOnDomainError(() => decide(command, state));
}

function failOnDomainError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isDomainError(e)) {
      throw ApplicationFailure.create({
        type: e.code,
        message: e.message,
        nonRetryable: true,
        details: [{ code: e.code, status: e.status, details: e.details ?? null }],
      });
    }
    throw e;
  }
}

/**
 * One school's improvement program: every user action is an Update validated by the decider,
 * recorded through `appendEvents`, and answered with the new state.
 */
export async function programWorkflow(input: ProgramWorkflowInput): Promise<ProgramCarry> {
  const streamId = `program-${input.programId}`;
  // Runs recorded between 'local-append' and 'activity-tasks-again' appended (and computed
  // schedules) in local activities and served stage after stage in one run. That made a burst of
  // concurrent Updates complete in one workflow task whose answer can pass the server's 4 MB
  // message limit (200 parallel commands did), and the audit bundle expects a run per stage; so new
  // runs are back to activity tasks and a new run at each stage boundary. Older runs had neither.
  const recordedBetween = (patchId: string) => !patched('activity-tasks-again') && patched(patchId);
  const localAppend = recordedBetween('local-append');
  const append = localAppend ? appendEventsLocally : appendEvents;
  const compute = recordedBetween('local-schedule') ? computeStageScheduleLocally : computeStageSchedule;
  const endsAtStageBoundary = !recordedBetween('run-spans-stages');
  const ownRetriedAppend = () => {
    deprecatePatch('own-retried-append');
    return true;
  };
  let state: ProgramState = input.carry?.state ?? initialProgramState();
  let version = input.carry?.version ?? 0;
  const recent: string[] = [...(input.carry?.recentCommandIds ?? [])];
  const serial = createSerialQueue();
  // The deadline tracker's own state crosses continue-as-new beside ProgramCarry.
  const deadlines = createDeadlineTracker({
    programId: input.programId,
    carry: (input.carry as (ProgramCarry & { deadlines?: DeadlineCarry }) | undefined)?.deadlines,
    state: () => state,
    issue: (command) => handle(command),
    compute,
  });
  // The stage this run serves; a run that creates the program serves the stage it is created in.
  let runStage: string | undefined = stageOf(state) === 'none' ? undefined : stageOf(state);
  const maxHistory = input.maxHistoryEvents ?? DEFAULT_MAX_HISTORY;

  const parse = (raw: unknown): ProgramCommand => {
    const parsed = ProgramCommandSchema.safeParse(raw);
    if (!parsed.success) {
      throw ApplicationFailure.create({
        type: 'INVALID_COMMAND',
        message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        nonRetryable: true,
        details: [{ code: 'INVALID_COMMAND', status: 400, details: parsed.error.issues }],
      });
    }
    const command = parsed.data;
    if (command.type === 'CreateProgram' && command.payload.programId !== input.programId) {
      throw ApplicationFailure.create({ type: 'INVALID_COMMAND', message: 'programId does not match this workflow', nonRetryable: true });
    }
    return command;
  };

  const outcome = (events: ProgramEvent[], fromVersion: number, duplicate: boolean): CommandOutcome => ({
    stage: stageOf(state),
    version,
    events: events.map((e, i) => ({ type: e.type, version: fromVersion + i })),
    duplicate,
  });

  // What the validator parsed and decided, for the handler that follows it: when the state is
  // still the one validated (same version), the handler takes both instead of parsing and deciding
  // again (the decider and its schemas are most of an Update's CPU). Validators do not run on
  // replay; the handler then decides itself, on the same state, to the same events.
  const validated = new Map<string, { version: number; command: ProgramCommand; events: ProgramEvent[] }>();
  const validate = (raw: ProgramCommand, envelope?: CommandEnvelope): void => {
    requireEnvelope(envelope);
    const command = parse(raw);
    if (recent.includes(command.commandId)) return;
    const events = decideOrFail(command, state);
    // Validators do not run on replay: the schedule-based rule needs no patch.
    if (command.type === 'ExtendDeadline' && isProgram(state)) {
      const { stage, activityId } = command.payload;
      failOnDomainError(() => requireLaterDueDate(state as Program, command.payload, deadlines.scheduledDueDates(stage, activityId)));
    }
    // Only an accepted Update gets a handler that takes (and removes) this.
    validated.set(command.commandId, { version, command, events });
  };

  // Updates pass the API's envelope; the workflow's own commands (deadlines, a child's creation) none.
  const handle = (raw: ProgramCommand, envelope?: CommandEnvelope): Promise<CommandOutcome> =>
    serial(async () => {
      const commandId = (raw as { commandId?: unknown }).commandId;
      const checked = typeof commandId === 'string' ? validated.get(commandId) : undefined;
      if (checked) validated.delete(checked.command.commandId);
      const command = checked?.command ?? parse(raw);
      if (recent.includes(command.commandId)) return outcome([], version + 1, true);
      // Decide again unless the state is the one validated: an earlier handler may have changed it.
      const events = checked?.version === version ? checked.events : decideOrFail(command, state);
      const stageBefore = stageOf(state);
      const result = await appendAuthenticated(() => append({
        streamId,
        expectedVersion: version,
        commandId: command.commandId,
        events,
        metadata: {
          commandType: command.type,
          actorId: command.actor.userId,
          actorRoles: command.actor.roles,
          workflowId: workflowInfo().workflowId,
          runId: workflowInfo().runId,
        },
        occurredAt: command.now,
        ...signedPart(raw, envelope),
      }));
      // An append runs again when an earlier run of it committed but its result never reached this
      // workflow: a local append's workflow task was lost (eviction, task failure), an activity
      // task's completion was lost or came after its timeout. It then finds this command's own
      // events at the expected position. (Runs before 'own-retried-append' took such a retry for an
      // older duplicate and were stuck on a version conflict; no recorded history has one, so that
      // branch is retired: deprecatePatch keeps the histories with the marker replaying.)
      const ownEarlierAttempt = result.duplicate && result.fromVersion === version + 1 && (localAppend || ownRetriedAppend());
      // Recorded before `recent` could remember it (an older run): nothing new happened now.
      if (result.duplicate && !ownEarlierAttempt) return outcome([], version + 1, true);
      for (const event of events) state = evolve(state, event);
      deadlines.onEvents(events);
      version = result.toVersion;
      runStage ??= stageOf(state);
      recent.push(command.commandId);
      if (recent.length > RECENT_COMMANDS) recent.splice(0, recent.length - RECENT_COMMANDS);
      if (input.indexStage !== false && stageOf(state) !== stageBefore) {
        upsertSearchAttributes({ MutuStage: [stageOf(state)] });
      }
      return outcome(events, result.fromVersion, false);
    });

  for (const type of PROGRAM_COMMAND_TYPES) {
    setHandler(commandUpdate(type), handle as never, { validator: validate as never });
  }
  setHandler(stateQuery, () => ({ state, version }));
  setHandler(pendingDecisionsQuery, () => pendingDecisions(state));

  const stageBoundaryCrossed = () => runStage !== undefined && stageOf(state) !== runStage;
  const historyFull = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= maxHistory;

  // A child program is created from its start input; a run carried over was created long ago.
  if (input.create !== undefined && input.carry === undefined) await handle(input.create);

  // The deadline loop sleeps until the next reminder or until the run must end. Every recorded run
  // has the loop (the plain wait of runs before 'deadline-loop' is retired; docs/versioning.md).
  const runEnds = () => isTerminal(state) || (endsAtStageBoundary && stageBoundaryCrossed()) || historyFull();
  deprecatePatch('deadline-loop');
  await deadlines.run(runEnds);
  // Let every accepted Update finish (and be answered) before this run ends.
  await condition(allHandlersFinished);
  const carry: ProgramCarry & { deadlines?: DeadlineCarry } = { state, version, recentCommandIds: recent, deadlines: deadlines.carry() };
  if (isTerminal(state)) return carry;
  return continueAsNew<typeof programWorkflow>({ ...input, carry });
}
