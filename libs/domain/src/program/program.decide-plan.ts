// Decisions of the plan stage: create, edit, submit, approve/reject.
import { isInScope } from '../actor';
import { DomainError } from '../errors';
import type { CommandOf } from './program.commands';
import { type ProgramEvent, event } from './program.events';
import { planCompletenessIssues, planIssues } from './plan.rules';
import { unknownComponentIssues } from './budget-component.rules';
import { DEFAULT_APPROVAL_POLICY, DEFAULT_TIME_ZONE } from './program.schemas';
import type { ProgramState } from './program.state';
import {
  meta,
  requireFourEyes,
  requireProgram,
  requireReason,
  requireRole,
  requireStage,
} from './program.guards';

export function decideCreateProgram(command: CommandOf<'CreateProgram'>, state: ProgramState): ProgramEvent[] {
  const { actor, payload: p } = command;
  if (state.status !== 'none') {
    throw new DomainError('ALREADY_EXISTS', `Program "${p.programId}" already exists.`, { programId: p.programId });
  }
  if (!isInScope(actor, p)) throw new DomainError('OUT_OF_SCOPE', 'School not found.');
  // 'system': a parent workflow opening a school's follow-up program (a mentoring campaign's RTL).
  const role = requireRole(actor, ['principal', 'qa_team', 'system'], 'create a program');
  const issues = planIssues(p.plan, p.budgetYear);
  if (issues.length > 0) throw new DomainError('INVALID_PLAN', 'The plan is not valid.', { issues });
  return [
    event('ProgramCreated', {
      programId: p.programId,
      schoolId: p.schoolId,
      regionId: p.regionId,
      budgetYear: p.budgetYear,
      timeZone: p.timeZone ?? DEFAULT_TIME_ZONE,
      title: p.title,
      plan: p.plan,
      approvalPolicy: p.approvalPolicy ?? DEFAULT_APPROVAL_POLICY,
      ...(p.approvalPolicyRef ? { approvalPolicyRef: p.approvalPolicyRef } : {}),
      ...meta(command, role),
    }),
  ];
}

export function decideEditPlan(command: CommandOf<'EditPlan'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const role = requireRole(command.actor, ['principal', 'qa_team'], 'edit the plan');
  requireStage(program, ['plan'], 'edit the plan');
  if (program.submissions.plan) {
    throw new DomainError('ALREADY_SUBMITTED', 'The plan is waiting for approval and cannot be edited.');
  }
  const { plan, basePlanVersion } = command.payload;
  if (basePlanVersion !== undefined && basePlanVersion !== program.planVersion) {
    throw new DomainError('STALE_PLAN_VERSION', 'The plan changed since you opened it.', {
      basePlanVersion,
      planVersion: program.planVersion,
    });
  }
  const issues = planIssues(plan, program.budgetYear);
  if (issues.length > 0) throw new DomainError('INVALID_PLAN', 'The plan is not valid.', { issues });
  return [event('PlanEdited', { plan, planVersion: program.planVersion + 1, ...meta(command, role) })];
}

export function decideSubmitPlan(command: CommandOf<'SubmitPlan'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const role = requireRole(command.actor, ['principal'], 'submit the plan');
  requireStage(program, ['plan'], 'submit the plan');
  if (program.submissions.plan) throw new DomainError('ALREADY_SUBMITTED', 'The plan is already submitted.');
  const { planVersion } = command.payload;
  if (planVersion !== undefined && planVersion !== program.planVersion) {
    throw new DomainError('STALE_PLAN_VERSION', 'The plan changed since you opened it.', {
      planVersion,
      currentPlanVersion: program.planVersion,
    });
  }
  const issues = [...planCompletenessIssues(program.plan), ...planIssues(program.plan, program.budgetYear)];
  if (issues.length > 0) throw new DomainError('INVALID_PLAN', 'The plan is not complete.', { issues });
  const unknown = unknownComponentIssues(program.plan, command.payload.bospComponents);
  if (unknown.length > 0) {
    throw new DomainError('UNKNOWN_BOSP_COMPONENT', "A budget line names no component of the budget year's BOSP list.", { issues: unknown });
  }
  return [event('PlanSubmitted', { planVersion: program.planVersion, ...meta(command, role) })];
}

export function decideDecidePlan(command: CommandOf<'DecidePlan'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const policy = program.approvalPolicy.plan;
  const role = requireRole(command.actor, [policy.role], 'decide on the plan');
  requireStage(program, ['plan'], 'decide on the plan');
  const submission = program.submissions.plan;
  if (!submission) throw new DomainError('NOT_SUBMITTED', 'The plan has not been submitted.');
  requireFourEyes(command.actor, [submission.by, ...program.planAuthors], 'a plan');
  if (submission.approvedBy.includes(command.actor.userId)) {
    throw new DomainError('ALREADY_DECIDED', 'You already approved this plan.');
  }
  const m = meta(command, role);
  if (command.payload.decision === 'reject') {
    const reason = requireReason(command.payload.reason, 'reject the plan');
    return [event('PlanRejected', { planVersion: program.planVersion, reason, ...m })];
  }
  const approved = event('PlanApproved', { planVersion: program.planVersion, ...m });
  if (submission.approvedBy.length + 1 < policy.approvals) return [approved];
  return [approved, event('StageAdvanced', { from: 'plan', to: 'assign', at: command.now })];
}
