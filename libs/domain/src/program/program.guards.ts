// The checks every decision starts with, in a fixed order so refusals are predictable:
// exists (404) → in scope (404) → role (403) → stage (409) → business rules (409/422).
import { type Actor, type Role, hasRole, isInScope } from '../actor';
import { DomainError } from '../errors';
import type { ProgramCommand } from './program.commands';
import type { Stage } from './program.schemas';
import { type ActivityState, type Program, type ProgramState, findActivity } from './program.state';

export interface Meta {
  by: string;
  role: Role;
  at: string;
}

export function requireProgram(state: ProgramState, actor: Actor): Program {
  if (state.status === 'none') throw new DomainError('NOT_FOUND', 'Program not found.');
  // Out of scope answers like "not found": the caller must not learn the program exists.
  if (!isInScope(actor, state)) throw new DomainError('OUT_OF_SCOPE', 'Program not found.');
  return state;
}

/** Returns the role the actor acts in: the first of `allowed` it holds. */
export function requireRole(actor: Actor, allowed: readonly Role[], action: string): Role {
  const role = allowed.find((r) => hasRole(actor, r));
  if (!role) {
    throw new DomainError('FORBIDDEN_ROLE', `Only ${allowed.join(' or ')} may ${action}.`, {
      allowed: [...allowed],
      actorRoles: actor.roles,
    });
  }
  return role;
}

export function requireStage(state: Program, allowed: readonly Stage[], action: string): void {
  if (!allowed.includes(state.stage)) {
    throw new DomainError('WRONG_STAGE', `Cannot ${action} in stage "${state.stage}".`, {
      stage: state.stage,
      allowed: [...allowed],
    });
  }
}

export function requireOpen(state: Program, action: string): void {
  if (state.stage === 'closed' || state.stage === 'cancelled') {
    throw new DomainError('WRONG_STAGE', `Cannot ${action}: the program is ${state.stage}.`, { stage: state.stage });
  }
}

export function requireReason(reason: string | undefined, action: string): string {
  const trimmed = reason?.trim() ?? '';
  if (trimmed === '') throw new DomainError('REASON_REQUIRED', `A reason is required to ${action}.`);
  return trimmed;
}

export function requireActivity(state: Program, activityId: string): ActivityState {
  const activity = findActivity(state, activityId);
  if (!activity) {
    throw new DomainError('ACTIVITY_NOT_FOUND', `Activity "${activityId}" is not in the plan.`, { activityId });
  }
  return activity;
}

/** Nobody approves what they submitted or authored. */
export function requireFourEyes(actor: Actor, excluded: readonly (string | null)[], what: string): void {
  if (excluded.includes(actor.userId)) {
    throw new DomainError('FOUR_EYES', `You cannot decide on ${what} you submitted or authored.`);
  }
}

/**
 * Activity-level permission: the person in charge of that activity, or one of `roles`.
 * The PIC acts as 'staff' when they hold it (else in their first role) for the record.
 */
export function requirePicOr(actor: Actor, activity: ActivityState, roles: readonly Role[], action: string): Role {
  const role = roles.find((r) => hasRole(actor, r));
  if (role) return role;
  if (activity.assignment?.personInCharge === actor.userId && !hasRole(actor, 'system')) {
    return hasRole(actor, 'staff') ? 'staff' : actor.roles[0]!;
  }
  throw new DomainError('FORBIDDEN_ROLE', `Only the person in charge or ${roles.join(' or ')} may ${action}.`, {
    allowed: ['person_in_charge', ...roles],
    actorRoles: actor.roles,
  });
}

export function meta(command: ProgramCommand, role: Role): Meta {
  return { by: command.actor.userId, role, at: command.now };
}
