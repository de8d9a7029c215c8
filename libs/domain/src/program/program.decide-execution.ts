// Decisions of the assign and execute stages, and evidence (execute and document stages).
import { DomainError } from '../errors';
import type { CommandOf } from './program.commands';
import { type ProgramEvent, event } from './program.events';
import { evolve } from './program.evolve';
import { executionIssues } from './plan.rules';
import { varianceOf } from './expenditure.rules';
import type { ActivityState, Program, ProgramState } from './program.state';
import {
  meta,
  requireActivity,
  requirePicOr,
  requireProgram,
  requireReason,
  requireRole,
  requireStage,
} from './program.guards';

function requireActivityOpen(activity: ActivityState, action: string): void {
  if (activity.status === 'done' || activity.status === 'dropped') {
    throw new DomainError('ACTIVITY_NOT_OPEN', `Cannot ${action}: activity "${activity.id}" is ${activity.status}.`, {
      activityId: activity.id,
      status: activity.status,
    });
  }
}

/** Appends execute → document when the events leave every activity done or dropped. */
function withExecutionFinished(program: Program, events: ProgramEvent[], at: string): ProgramEvent[] {
  const next = events.reduce(evolve, program as ProgramState) as Program;
  const finished = next.plan.activities.every((a) => a.status === 'done' || a.status === 'dropped');
  if (next.stage !== 'execute' || !finished) return events;
  return [...events, event('StageAdvanced', { from: 'execute', to: 'document', at })];
}

export function decideAssignActivity(command: CommandOf<'AssignActivity'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const role = requireRole(command.actor, ['principal'], 'assign activities');
  requireStage(program, ['assign', 'execute'], 'assign activities');
  const { activityId, personInCharge, participants } = command.payload;
  const activity = requireActivity(program, activityId);
  requireActivityOpen(activity, 'assign it');
  return [
    event('ActivityAssigned', {
      activityId,
      personInCharge,
      participants: [...new Set(participants)],
      previousPersonInCharge: activity.assignment?.personInCharge ?? null,
      ...meta(command, role),
    }),
  ];
}

export function decideConfirmAssignments(command: CommandOf<'ConfirmAssignments'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const role = requireRole(command.actor, ['principal'], 'confirm assignments');
  requireStage(program, ['assign'], 'confirm assignments');
  const unassigned = program.plan.activities.filter((a) => a.status !== 'dropped' && !a.assignment).map((a) => a.id);
  if (unassigned.length > 0) {
    throw new DomainError('UNASSIGNED_ACTIVITIES', 'Every activity needs a person in charge.', {
      activityIds: unassigned,
    });
  }
  const events = [
    event('AssignmentsConfirmed', meta(command, role)),
    event('StageAdvanced', { from: 'assign', to: 'execute', at: command.now }),
  ];
  return withExecutionFinished(program, events, command.now);
}

export function decideStartActivity(command: CommandOf<'StartActivity'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const activity = requireActivity(program, command.payload.activityId);
  const role = requirePicOr(command.actor, activity, ['principal'], 'start the activity');
  requireStage(program, ['execute'], 'start an activity');
  if (activity.status !== 'planned') {
    throw new DomainError('ACTIVITY_NOT_OPEN', `Activity "${activity.id}" is already ${activity.status}.`, {
      activityId: activity.id,
      status: activity.status,
    });
  }
  return [event('ActivityStarted', { activityId: activity.id, ...meta(command, role) })];
}

/**
 * The realised cost an activity completes with: the sum of its expenditures when it has any (a
 * given cost must equal it; an overspend beyond the threshold must be acknowledged), else the one
 * number given, as activities were completed before spending was recorded per expenditure.
 */
function completedCost(activity: ActivityState, given: number | undefined): number {
  if ((activity.expenditures ?? []).length === 0) return given ?? 0;
  const v = varianceOf(activity);
  if (given !== undefined && given !== v.realised) {
    throw new DomainError('REALISED_COST_MISMATCH', 'The realised cost is the sum of the recorded expenditures.', {
      activityId: activity.id,
      given,
      expenditures: v.realised,
    });
  }
  if (v.needsAcknowledgement) {
    throw new DomainError('OVERSPEND_NOT_ACKNOWLEDGED', "Spending exceeds the plan beyond the threshold: the supervisor's acknowledgement is needed first.", {
      activityId: activity.id,
      ...v,
    });
  }
  return v.realised;
}

export function decideCompleteActivity(command: CommandOf<'CompleteActivity'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const { activityId, realisedCost: given, ...record } = command.payload;
  const activity = requireActivity(program, activityId);
  const role = requirePicOr(command.actor, activity, ['principal'], 'complete the activity');
  requireStage(program, ['execute'], 'complete an activity');
  requireActivityOpen(activity, 'complete it');
  const execution = { ...record, realisedCost: completedCost(activity, given) };
  const issues = executionIssues(execution, program.budgetYear);
  if (issues.length > 0) throw new DomainError('INVALID_EXECUTION', 'The execution record is not valid.', { issues });
  const events = [event('ActivityCompleted', { activityId, execution, ...meta(command, role) })];
  return withExecutionFinished(program, events, command.now);
}

export function decideDropActivity(command: CommandOf<'DropActivity'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const role = requireRole(command.actor, ['principal'], 'drop an activity');
  requireStage(program, ['assign', 'execute'], 'drop an activity');
  const activity = requireActivity(program, command.payload.activityId);
  requireActivityOpen(activity, 'drop it');
  const reason = requireReason(command.payload.reason, 'drop an activity');
  const events = [event('ActivityDropped', { activityId: activity.id, reason, ...meta(command, role) })];
  return withExecutionFinished(program, events, command.now);
}

function requireEvidenceEditable(program: Program, activity: ActivityState, action: string): void {
  requireStage(program, ['execute', 'document'], action);
  if (program.stage === 'document' && program.submissions.documentation) {
    throw new DomainError('ALREADY_SUBMITTED', 'The documentation is waiting for approval and cannot change.');
  }
  if (activity.status !== 'in_progress' && activity.status !== 'done') {
    throw new DomainError('ACTIVITY_NOT_OPEN', `Activity "${activity.id}" is ${activity.status}: no evidence yet.`, {
      activityId: activity.id,
      status: activity.status,
    });
  }
}

export function decideAttachEvidence(command: CommandOf<'AttachEvidence'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const { activityId, ...evidence } = command.payload;
  const activity = requireActivity(program, activityId);
  const role = requirePicOr(command.actor, activity, ['principal', 'qa_team'], 'attach evidence');
  requireEvidenceEditable(program, activity, 'attach evidence');
  if (activity.evidence.some((e) => e.sha256 === evidence.sha256)) {
    throw new DomainError('DUPLICATE_EVIDENCE', 'This file is already attached to the activity.', {
      activityId,
      sha256: evidence.sha256,
    });
  }
  return [event('EvidenceAttached', { activityId, evidence, ...meta(command, role) })];
}

export function decideWithdrawEvidence(command: CommandOf<'WithdrawEvidence'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const { activityId, sha256 } = command.payload;
  const activity = requireActivity(program, activityId);
  const role = requirePicOr(command.actor, activity, ['principal', 'qa_team'], 'withdraw evidence');
  requireEvidenceEditable(program, activity, 'withdraw evidence');
  if (!activity.evidence.some((e) => e.sha256 === sha256)) {
    throw new DomainError('EVIDENCE_NOT_FOUND', 'No such file on this activity.', { activityId, sha256 });
  }
  const backing = (activity.expenditures ?? []).filter((e) => e.evidenceSha256 === sha256 || e.supplierQuotes.includes(sha256));
  if (backing.length > 0) {
    throw new DomainError('EVIDENCE_IN_USE', 'Expenditures rest on this file: withdraw them first.', {
      activityId,
      sha256,
      expenditureIds: backing.map((e) => e.expenditureId),
    });
  }
  const reason = requireReason(command.payload.reason, 'withdraw evidence');
  return [event('EvidenceWithdrawn', { activityId, sha256, reason, ...meta(command, role) })];
}
