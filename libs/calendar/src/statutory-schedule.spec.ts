import { DEFAULT_DEADLINE_POLICY } from './deadline-policy';
import { computeStatutorySchedule } from './statutory-schedule';

describe('statutory report schedule', () => {
  const base = { timeZone: 'Asia/Jakarta', holidays: [] as string[], extraDaysOff: [] as string[], policy: DEFAULT_DEADLINE_POLICY };

  it('reminds before 31 July counting back from the last working day when the date falls on a weekend (31 July 2027 is a Saturday)', () => {
    const items = computeStatutorySchedule({ ...base, budgetYear: 2027, reports: ['stage_one'] });
    expect(items.filter((i) => i.kind === 'reminder').map((i) => [i.n, i.at])).toEqual([
      [10, '2027-07-16T01:00:00.000Z'],
      [5, '2027-07-23T01:00:00.000Z'],
      [2, '2027-07-28T01:00:00.000Z'],
      [1, '2027-07-29T01:00:00.000Z'],
      [0, '2027-07-30T01:00:00.000Z'],
    ]);
    expect(items.find((i) => i.kind === 'missed')).toMatchObject({ dueDate: '2027-07-31', at: '2027-07-31T17:00:00.000Z', toRole: 'principal' });
  });

  it('escalates along the policy chain, owner and principal merged: principal, supervisor, education office, in working days of the school', () => {
    // A region day off on Monday 2 August 2027 pushes every escalation one working day later.
    const items = computeStatutorySchedule({ ...base, extraDaysOff: ['2027-08-02'], budgetYear: 2027, reports: ['stage_one'] });
    expect(items.filter((i) => i.kind === 'escalation').map((i) => [i.n, i.toRole, i.at.slice(0, 10)])).toEqual([
      [1, 'principal', '2027-08-03'],
      [2, 'supervisor', '2027-08-09'],
      [3, 'district_officer', '2027-08-16'],
    ]);
  });

  it('schedules the annual report against 31 January of the next year and nothing for a submitted report', () => {
    const items = computeStatutorySchedule({ ...base, budgetYear: 2026, reports: ['annual'] });
    expect(new Set(items.map((i) => i.report))).toEqual(new Set(['annual']));
    expect(items.find((i) => i.kind === 'reminder' && i.n === 0)?.at).toBe('2027-01-29T01:00:00.000Z');
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    expect(computeStatutorySchedule({ ...base, budgetYear: 2026, reports: [] })).toEqual([]);
  });
});
