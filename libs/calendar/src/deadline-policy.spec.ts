import { DEFAULT_DEADLINE_POLICY, DeadlinePolicySchema } from './deadline-policy';

describe('deadline policy', () => {
  it('has a version 1 default with reminders 10/5/2/1/0 and a four-step escalation chain', () => {
    expect(DEFAULT_DEADLINE_POLICY.version).toBe(1);
    expect(DEFAULT_DEADLINE_POLICY.reminderOffsetsWorkingDays).toEqual([10, 5, 2, 1, 0]);
    expect(DEFAULT_DEADLINE_POLICY.escalations.map((e) => [e.afterWorkingDays, e.toRole])).toEqual([
      [1, 'owner'],
      [3, 'principal'],
      [5, 'supervisor'],
      [10, 'district_officer'],
    ]);
    expect(DEFAULT_DEADLINE_POLICY.document.workingDaysAfterActivityEnd).toBe(10);
    expect(DEFAULT_DEADLINE_POLICY.signOff.workingDaysAfterSubmission).toBe(10);
  });

  it('survives a JSON round trip and parses again unchanged', () => {
    const json = JSON.parse(JSON.stringify(DEFAULT_DEADLINE_POLICY));
    expect(DeadlinePolicySchema.parse(json)).toStrictEqual(DEFAULT_DEADLINE_POLICY);
  });

  it('rejects duplicate reminder offsets, unordered escalations, 29 February and unknown roles', () => {
    const bad = [
      { reminderOffsetsWorkingDays: [5, 5] },
      { escalations: [{ afterWorkingDays: 3, toRole: 'owner' }, { afterWorkingDays: 1, toRole: 'principal' }] },
      { plan: { ...DEFAULT_DEADLINE_POLICY.plan, approvedBy: '02-29' } },
      { report: { ...DEFAULT_DEADLINE_POLICY.report, dueBy: '04-31' } },
      { execute: { ownerRole: 'janitor' } },
    ];
    for (const change of bad) {
      expect(DeadlinePolicySchema.safeParse({ ...DEFAULT_DEADLINE_POLICY, ...change }).success).toBe(false);
    }
  });
});
