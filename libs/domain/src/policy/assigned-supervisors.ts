// Assigned supervisors (pengawas binaan): which supervisors may take a supervisor's decision on a
// school's program. The decision routes let any supervisor of the region through; this narrows it.
import type { Actor } from '../actor';
import type { ProgramCommandType } from '../program/program.commands';

/** The program decisions the approval policy and the deciders give to the school's supervisor. */
export const SUPERVISOR_DECISIONS: readonly ProgramCommandType[] = [
  'DecidePlan',
  'DecideDocumentation',
  'ConfirmCancellation',
  'RejectCancellation',
  'ExtendDeadline',
  'AcknowledgeOverspend',
];

export const NOT_ASSIGNED_SUPERVISOR = 'NOT_ASSIGNED_SUPERVISOR';

export function isSupervisorDecision(type: string): boolean {
  return (SUPERVISOR_DECISIONS as readonly string[]).includes(type);
}

/**
 * Whether `actor` may take a supervisor's decision given the school's assigned (and still active)
 * supervisors: one of them, or any supervisor in scope when none is assigned. Only supervisor
 * decisions by a supervisor are narrowed: other commands, and actors without the role (whom the
 * decider refuses anyway), pass unchanged.
 */
export function mayTakeSupervisorDecision(actor: Pick<Actor, 'userId' | 'roles'>, type: string, assigned: readonly string[]): boolean {
  if (!isSupervisorDecision(type) || !actor.roles.includes('supervisor')) return true;
  return assigned.length === 0 || assigned.includes(actor.userId);
}

/** Who a supervisor's task or escalation goes to: the assigned ones, else everyone of the region. */
export function supervisorRecipients(assigned: readonly string[], ofRegion: readonly string[]): string[] {
  return [...(assigned.length > 0 ? assigned : ofRegion)];
}
