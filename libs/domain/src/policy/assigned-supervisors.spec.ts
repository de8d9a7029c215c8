import { makeActor } from '../testing/fixtures';
import { isSupervisorDecision, mayTakeSupervisorDecision, supervisorRecipients, SUPERVISOR_DECISIONS } from './assigned-supervisors';

const supervisor = (userId: string) => ({ userId, roles: ['supervisor' as const] });

describe('assigned supervisors (pengawas binaan)', () => {
  it('lets only an assigned supervisor take each supervisor decision when some are assigned', () => {
    for (const type of SUPERVISOR_DECISIONS) {
      expect(mayTakeSupervisorDecision(supervisor('u-a'), type, ['u-a', 'u-b'])).toBe(true);
      expect(mayTakeSupervisorDecision(supervisor('u-c'), type, ['u-a', 'u-b'])).toBe(false);
    }
  });

  it('falls back to every supervisor in scope when none is assigned', () => {
    expect(mayTakeSupervisorDecision(supervisor('u-c'), 'DecidePlan', [])).toBe(true);
  });

  it('does not narrow other commands, nor actors who are not supervisors', () => {
    expect(mayTakeSupervisorDecision(supervisor('u-c'), 'EditPlan', ['u-a'])).toBe(true);
    expect(mayTakeSupervisorDecision(makeActor('u-p', ['principal']), 'DecidePlan', ['u-a'])).toBe(true);
    expect(isSupervisorDecision('SignReport')).toBe(false);
  });

  it('sends supervisor tasks and escalations to the assigned ones, else to the region', () => {
    expect(supervisorRecipients(['u-a'], ['u-a', 'u-b', 'u-c'])).toEqual(['u-a']);
    expect(supervisorRecipients([], ['u-a', 'u-b'])).toEqual(['u-a', 'u-b']);
  });
});
