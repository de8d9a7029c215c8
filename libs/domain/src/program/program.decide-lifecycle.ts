// Decisions that apply across stages: cancellation, deadline extensions, and the records the
// workflow's timers make (role 'system').
import { DomainError } from '../errors';
import type { CommandOf } from './program.commands';
import { type ProgramEvent, event } from './program.events';
import { StageSchema, type Stage } from './program.schemas';
import type { Program, ProgramState } from './program.state';
import {
  meta,
  requireActivity,
  requireFourEyes,
  requireOpen,
  requireProgram,
  requireReason,
  requireRole,
} from './program.guards';

export function decideRequestCancellation(
  command: CommandOf<'RequestCancellation'>,
  state: ProgramState,
): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const role = requireRole(command.actor, ['principal'], 'request cancellation');
  requireOpen(program, 'request cancellation');
  if (program.cancellation) throw new DomainError('CANCELLATION_PENDING', 'A cancellation request is already pending.');
  const reason = requireReason(command.payload.reason, 'request cancellation');
  return [event('CancellationRequested', { reason, ...meta(command, role) })];
}

export function decideConfirmCancellation(
  command: CommandOf<'ConfirmCancellation'>,
  state: ProgramState,
): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const role = requireRole(command.actor, ['supervisor'], 'confirm cancellation');
  requireOpen(program, 'confirm cancellation');
  const request = program.cancellation;
  if (!request) throw new DomainError('NO_CANCELLATION_REQUEST', 'No cancellation has been requested.');
  requireFourEyes(command.actor, [request.requestedBy], 'a cancellation');
  return [
    event('ProgramCancelled', {
      requestedBy: request.requestedBy,
      requestReason: request.reason,
      reason: command.payload.reason?.trim() || null,
      ...meta(command, role),
    }),
    event('StageAdvanced', { from: program.stage, to: 'cancelled', at: command.now }),
  ];
}

export function decideRejectCancellation(
  command: CommandOf<'RejectCancellation'>,
  state: ProgramState,
): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const role = requireRole(command.actor, ['supervisor'], 'reject cancellation');
  requireOpen(program, 'reject cancellation');
  if (!program.cancellation) throw new DomainError('NO_CANCELLATION_REQUEST', 'No cancellation has been requested.');
  const reason = requireReason(command.payload.reason, 'reject a cancellation');
  return [event('CancellationRejected', { reason, ...meta(command, role) })];
}

const stageIndex = (s: Stage) => StageSchema.options.indexOf(s);

export function decideExtendDeadline(command: CommandOf<'ExtendDeadline'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const role = requireRole(command.actor, ['supervisor'], 'extend a deadline');
  requireOpen(program, 'extend a deadline');
  const { stage, activityId, newDueDate } = command.payload;
  if (stage === 'closed' || stage === 'cancelled' || stageIndex(stage) < stageIndex(program.stage)) {
    throw new DomainError('WRONG_STAGE', `Cannot extend the deadline of stage "${stage}" now.`, {
      stage: program.stage,
      requested: stage,
    });
  }
  if (activityId !== undefined) requireActivity(program, activityId);
  // The annual report is due 31 January of the next year, so extensions may cross the year end.
  if (newDueDate < `${program.budgetYear}-01-01` || newDueDate > `${program.budgetYear + 1}-12-31`) {
    throw new DomainError('INVALID_DEADLINE', 'The new due date is outside the budget year and the next.', {
      newDueDate,
    });
  }
  requireLaterDueDate(program, { stage, activityId, newDueDate });
  const reason = requireReason(command.payload.reason, 'extend a deadline');
  return [
    event('DeadlineExtended', { stage, activityId: activityId ?? null, newDueDate, reason, ...meta(command, role) }),
  ];
}

/**
 * An extension only moves deadlines later: the new date must be after every due date it replaces.
 * The state knows the dates earlier extensions set (a stage-wide one also moves each activity's
 * deadline); the computed schedule (calendar, policies) lives outside the domain, so the
 * workflow's Update validator passes the schedule's due dates of the deadlines the extension moves.
 */
export function requireLaterDueDate(
  program: Program,
  target: { stage: Stage; activityId?: string | undefined; newDueDate: string },
  scheduledDueDates: readonly string[] = [],
): void {
  const extended = program.deadlineExtensions
    .filter((e) => e.stage === target.stage && (target.activityId === undefined || e.activityId === null || e.activityId === target.activityId))
    .map((e) => e.newDueDate);
  const current = [...extended, ...scheduledDueDates].sort().at(-1);
  if (current !== undefined && target.newDueDate <= current) {
    throw new DomainError('EXTENSION_NOT_LATER', `The new due date must be later than ${current}.`, {
      currentDueDate: current,
      newDueDate: target.newDueDate,
    });
  }
}

function requireSystemInStage(
  command: CommandOf<'RecordReminder' | 'RecordDeadlineMissed' | 'RecordEscalation'>,
  state: ProgramState,
): Program {
  const program = requireProgram(state, command.actor);
  requireRole(command.actor, ['system'], 'record reminders, missed deadlines and escalations');
  requireOpen(program, 'record a deadline event');
  if (command.payload.stage !== program.stage) {
    // A timer that fired after its stage ended: the workflow treats this as "nothing to do".
    throw new DomainError('WRONG_STAGE', `Stage "${command.payload.stage}" is over.`, {
      stage: program.stage,
      requested: command.payload.stage,
    });
  }
  if (command.payload.activityId !== undefined) requireActivity(program, command.payload.activityId);
  return program;
}

export function decideRecordReminder(command: CommandOf<'RecordReminder'>, state: ProgramState): ProgramEvent[] {
  const program = requireSystemInStage(command, state);
  const p = command.payload;
  const data = {
    stage: p.stage,
    kind: p.kind,
    dueDate: p.dueDate,
    recipientRole: p.recipientRole,
    recipientUserId: p.recipientUserId ?? null,
    offsetWorkingDays: p.offsetWorkingDays,
    activityId: p.activityId ?? null,
    at: command.now,
  };
  const duplicate = program.reminders.some(
    (r) =>
      r.stage === data.stage &&
      r.kind === data.kind &&
      r.dueDate === data.dueDate &&
      r.activityId === data.activityId &&
      r.recipientRole === data.recipientRole &&
      r.recipientUserId === data.recipientUserId,
  );
  if (duplicate) throw new DomainError('DUPLICATE_REMINDER', 'This reminder was already issued.', { ...data });
  return [event('ReminderIssued', data)];
}

export function decideRecordDeadlineMissed(
  command: CommandOf<'RecordDeadlineMissed'>,
  state: ProgramState,
): ProgramEvent[] {
  requireSystemInStage(command, state);
  const { stage, kind, dueDate, activityId } = command.payload;
  return [event('DeadlineMissed', { stage, kind, dueDate, activityId: activityId ?? null, at: command.now })];
}

export function decideRecordEscalation(command: CommandOf<'RecordEscalation'>, state: ProgramState): ProgramEvent[] {
  requireSystemInStage(command, state);
  const { stage, level, toRole, dueDate, activityId } = command.payload;
  return [
    event('EscalationRaised', {
      stage,
      level,
      toRole,
      dueDate: dueDate ?? null,
      activityId: activityId ?? null,
      at: command.now,
    }),
  ];
}
