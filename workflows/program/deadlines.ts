// The deadline loop of a program run: computes the stage's schedule through an activity (the
// calendar, holidays and policies are data, never imported here), sleeps until the next item, and
// records each reminder, missed deadline and escalation as a system command on the same path as
// user commands. Type-only imports from @mutu/calendar are erased from the bundle.
import { ApplicationFailure, condition, log } from '@temporalio/workflow';
import type { ScheduledItem } from '@mutu/calendar';
import { isProgram, type Actor, type Program, type ProgramCommand, type ProgramEvent, type ProgramState } from '@mutu/domain';
import type { ComputeStageScheduleInput, ComputeStageScheduleResult } from './program.activities';
import { scheduleFactsOf } from './schedule-facts';

/** What a run carries about deadlines into the next run (inside `ProgramCarry`). */
export interface DeadlineCarry {
  /** The policy version the program started with: every later schedule uses it. */
  policyVersion?: number;
  /** The stage the watermark belongs to. */
  stage?: string;
  /** Items at or before this instant were handled (issued, or skipped as superseded). */
  watermark?: string;
  /**
   * The next run's schedule, computed by the run that ended the stage from the state at `version`
   * (the carry's own): the next run starts on it instead of computing it in an activity task.
   */
  schedule?: { version: number; items: ScheduledItem[] };
}

export const SYSTEM_ACTOR: Actor = { userId: 'system', name: 'Mutu', roles: ['system'], schoolIds: [], regionIds: [] };

/**
 * Events that cannot move a deadline: the ones the workflow itself records, and user events the
 * schedule does not read (it reads the stage, activity windows and statuses, extensions and the
 * report submission). Any other event, including one added later, recomputes the schedule.
 */
const SCHEDULE_NEUTRAL_EVENTS = new Set([
  'ReminderIssued',
  'DeadlineMissed',
  'EscalationRaised',
  'EvidenceAttached',
  'EvidenceWithdrawn',
  'ActivityStarted',
  'ActivityAssigned',
  'PlanSubmitted',
  'PlanApproved',
  'PlanRejected',
  'AssignmentsConfirmed',
  'DocumentationSubmitted',
  'DocumentationApproved',
  'DocumentationRejected',
  'ReportEdited',
  'CancellationRequested',
  'CancellationRejected',
]);
const OPEN_STAGES = new Set(['plan', 'assign', 'execute', 'document', 'report']);
/** Items older than this when the loop first sees them are skipped, not sent late. */
export const CATCH_UP_MS = 2 * 86_400_000;

export interface DeadlineTrackerDeps {
  programId: string;
  carry?: DeadlineCarry;
  state(): ProgramState;
  /** The workflow's command handler: decide, append, evolve. */
  issue(command: ProgramCommand): Promise<unknown>;
  compute(input: ComputeStageScheduleInput): Promise<ComputeStageScheduleResult>;
  /** The version of the state the run starts from (a carried schedule must be of that state). */
  startVersion?: number;
}

/** The command that records one scheduled item, with a command id derived from its idempotency key. */
export function commandForItem(item: ScheduledItem, state: ProgramState, nowIso: string): ProgramCommand {
  const base = { commandId: `deadline:${item.idempotencyKey}`, actor: SYSTEM_ACTOR, now: nowIso };
  const activityId = item.activityId === undefined ? {} : { activityId: item.activityId };
  if (item.kind === 'reminder') {
    const owner =
      item.toOwner && item.activityId !== undefined && isProgram(state)
        ? state.plan.activities.find((a) => a.id === item.activityId)?.assignment?.personInCharge
        : undefined;
    return {
      ...base,
      type: 'RecordReminder',
      payload: {
        stage: item.stage,
        kind: `${item.deadlineKey}:reminder:${item.offsetOrLevel}`,
        dueDate: item.dueDate,
        recipientRole: item.recipientRole,
        ...(owner === undefined ? {} : { recipientUserId: owner }),
        offsetWorkingDays: item.offsetOrLevel,
        ...activityId,
      },
    };
  }
  if (item.kind === 'due') {
    return {
      ...base,
      type: 'RecordDeadlineMissed',
      payload: { stage: item.stage, kind: item.deadlineKey, dueDate: item.dueDate, ...activityId },
    };
  }
  return {
    ...base,
    type: 'RecordEscalation',
    payload: { stage: item.stage, level: item.offsetOrLevel, toRole: item.recipientRole, dueDate: item.dueDate, ...activityId },
  };
}

export function createDeadlineTracker(deps: DeadlineTrackerDeps) {
  let policyVersion = deps.carry?.policyVersion;
  let stage = deps.carry?.stage;
  let watermark = deps.carry?.watermark;
  // A schedule the previous run computed as it ended the stage, from the very state this run
  // starts with, is this run's. Otherwise compute once at the start of every run: the stage may be
  // new, or the policy data changed.
  const carried = deps.carry?.schedule !== undefined && deps.carry.schedule.version === deps.startVersion ? deps.carry.schedule : undefined;
  let items: ScheduledItem[] = carried?.items ?? [];
  let invalidated = carried === undefined;
  let isFirstCompute = carried === undefined;

  const nowIso = () => new Date().toISOString();

  /** What a schedule of the program's current stage is computed from. */
  const requestFor = (s: Program): ComputeStageScheduleInput => ({ programId: deps.programId, facts: scheduleFactsOf(s), policyVersion, now: nowIso() });

  async function recompute(s: Program): Promise<void> {
    adopt(s, await deps.compute(requestFor(s)));
  }

  /** The program's state when it is in a stage that has a schedule (not created yet, closed or cancelled). */
  const openState = (): Program | undefined => {
    const s = deps.state();
    return isProgram(s) && OPEN_STAGES.has(s.stage) ? s : undefined;
  };

  /** Adopts `result` for `s` and carries it, tagged with the state version it was computed from. */
  function carryAdopting(s: Program, version: number, result: ComputeStageScheduleResult): DeadlineCarry {
    adopt(s, result);
    return { policyVersion, stage, watermark, schedule: { version, items } };
  }

  /** Takes a schedule computed for `s`'s stage as the one this tracker fires. */
  function adopt(s: Program, result: ComputeStageScheduleResult): void {
    policyVersion ??= result.policyVersion;
    items = result.items;
    const enteredAt = s.stageHistory[s.stageHistory.length - 1]?.enteredAt ?? s.createdAt;
    if (stage !== s.stage || watermark === undefined) {
      // A new stage: anything scheduled since the stage began is still to be sent.
      stage = s.stage;
      watermark = enteredAt;
    } else if (!isFirstCompute) {
      // A changed schedule (extension, activity finished) looks forward only: items of the new
      // schedule that already lie in the past are superseded, not sent late.
      watermark = maxIso(watermark, nowIso());
    }
    isFirstCompute = false;
  }

  async function fireDue(): Promise<void> {
    const now = nowIso();
    // Catch up what fell due while nobody ran (worker outage, a backdated stage start), but only
    // recently: a flood of weeks-old reminders helps nobody.
    const from = maxIso(watermark ?? now, new Date(Date.parse(now) - CATCH_UP_MS).toISOString());
    for (const item of items) {
      const at = Date.parse(item.at);
      if (!(at > Date.parse(from) && at <= Date.parse(now))) continue;
      const s = deps.state();
      if (!isProgram(s) || s.stage !== item.stage) return;
      try {
        await deps.issue(commandForItem(item, s, now));
      } catch (e) {
        // The decider refused (stage over, already recorded): nothing to send for this item.
        if (!(e instanceof ApplicationFailure)) throw e;
        log.info('deadline item not recorded', { key: item.idempotencyKey, reason: e.type ?? e.message });
      }
    }
    watermark = maxIso(watermark ?? now, now);
  }

  return {
    /** Call after applying events: any event not known to be neutral may move or end a deadline. */
    onEvents(events: readonly ProgramEvent[]): void {
      if (events.some((e) => !SCHEDULE_NEUTRAL_EVENTS.has(e.type))) invalidated = true;
    },
    carry(): DeadlineCarry {
      return { policyVersion, stage, watermark };
    },
    /**
     * The carry of a run that ends at a stage boundary with the next stage's schedule in it,
     * computed now by `compute` (a local activity: in the workflow task that ends the run) from the
     * state at `version`. The next run then waits on its first timer from its first workflow task.
     */
    async carryWithSchedule(version: number, compute: DeadlineTrackerDeps['compute']): Promise<DeadlineCarry> {
      const s = openState();
      return s === undefined ? this.carry() : carryAdopting(s, version, await compute(requestFor(s)));
    },
    /**
     * The same carry, with a schedule already computed for the state at `version` (by the append
     * that recorded the command opening the stage, from `requestFor` of that state).
     */
    carryWithComputed(version: number, result: ComputeStageScheduleResult): DeadlineCarry {
      const s = openState();
      return s === undefined ? this.carry() : carryAdopting(s, version, result);
    },
    /** The input of a schedule for `s`'s stage (a state the program is about to reach). */
    scheduleRequest(s: Program): ComputeStageScheduleInput | undefined {
      return OPEN_STAGES.has(s.stage) ? requestFor(s) : undefined;
    },
    /** Due dates of the current schedule that an extension of this stage (or one activity) moves. */
    scheduledDueDates(stageOfDeadline: string, activityId?: string): string[] {
      return items
        .filter((i) => i.kind === 'due' && i.stage === stageOfDeadline && (activityId === undefined ? i.deadlineKey !== 'report:sign-off' : i.activityId === activityId))
        .map((i) => i.dueDate);
    },
    /** Runs until `done()`; the caller's own exit condition (stage boundary, terminal...). */
    async run(done: () => boolean): Promise<void> {
      // A run that serves several stages recomputes when a new one begins (runs that end at the
      // boundary are done() at that moment, so this never fires for them).
      const stale = () => {
        const s = deps.state();
        return invalidated || (isProgram(s) && s.stage !== stage);
      };
      while (!done()) {
        const s = openState();
        const open = s !== undefined;
        if (open && stale()) {
          invalidated = false;
          await recompute(s);
          continue;
        }
        if (open) await fireDue();
        if (done()) return;
        const mark = Date.parse(watermark ?? new Date().toISOString());
        const next = open ? items.find((i) => Date.parse(i.at) > mark) : undefined;
        const wake = () => done() || (stale() && openState() !== undefined);
        if (next === undefined) await condition(wake);
        // Workflow time (`new Date()` is replay-safe in the workflow sandbox): the timer's length.
        else await condition(wake, Math.max(1, Date.parse(next.at) - new Date().getTime()));
      }
    },
  };
}

function maxIso(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
