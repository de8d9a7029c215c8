import { DEFAULT_DEADLINE_POLICY } from './deadline-policy';
import { flattenSchedule, nextScheduledInstant, scheduledItemsBetween } from './flatten';
import { buildCalendarData } from './holidays';
import { computeStageSchedule } from './schedule';

const { holidays } = buildCalendarData({ years: [2026] });
const schedule = computeStageSchedule({
  programId: 'prog-1',
  stage: 'execute',
  budgetYear: 2026,
  timeZone: 'Asia/Jakarta',
  stageStartedAt: '2026-08-05T01:00:00Z',
  policy: DEFAULT_DEADLINE_POLICY,
  activities: [
    { id: 'a1', window: { start: '2026-08-10', end: '2026-08-17' }, status: 'in_progress' },
    { id: 'a2', window: { start: '2026-08-10', end: '2026-08-14' }, status: 'in_progress' },
  ],
  extensions: [],
  calendar: { holidays, extraDaysOff: [] },
});

describe('flattened schedule', () => {
  const items = flattenSchedule(schedule);

  it('is sorted by time and lists reminders, the due instant and escalations', () => {
    const times = items.map((i) => Date.parse(i.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // Per activity: reminders 5, 2, 1, 0 (10 was before the start), due, 4 escalations.
    expect(items).toHaveLength(2 * (4 + 1 + 4));
    expect(items[0]).toMatchObject({ kind: 'reminder', deadlineKey: 'execute:a1', offsetOrLevel: 5 });
  });

  it('gives every item a distinct idempotency key, even for two activities due the same day', () => {
    const keys = items.map((i) => i.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('prog-1:execute:a1:reminder:2026-08-14:staff:5');
    expect(keys).toContain('prog-1:execute:a2:reminder:2026-08-14:staff:5');
    expect(keys).toContain('prog-1:execute:a1:due:2026-08-14:staff:0');
  });

  it('resolves an escalation to the owner to the owner role, and others to their role', () => {
    const escalations = items.filter((i) => i.kind === 'escalation' && i.activityId === 'a1');
    expect(escalations.map((e) => [e.offsetOrLevel, e.recipientRole, e.toOwner])).toEqual([
      [1, 'staff', true],
      [2, 'principal', false],
      [3, 'supervisor', false],
      [4, 'district_officer', false],
    ]);
  });

  it('finds the next instant strictly after a given one, and null at the end', () => {
    expect(nextScheduledInstant(schedule, '2026-08-05T01:00:00Z')).toBe('2026-08-07T01:00:00.000Z');
    expect(nextScheduledInstant(schedule, '2026-08-07T08:00:00+07:00')).toBe('2026-08-12T01:00:00.000Z');
    expect(nextScheduledInstant(schedule, '2026-08-14T01:00:00Z')).toBe('2026-08-14T17:00:00.000Z');
    expect(nextScheduledInstant(schedule, '2026-12-31T00:00:00Z')).toBeNull();
  });

  it('lists what fell due since the last wake-up', () => {
    const due = scheduledItemsBetween(schedule, '2026-08-13T01:00:00Z', '2026-08-14T17:00:00Z');
    expect(due.map((i) => `${i.deadlineKey}/${i.kind}/${i.offsetOrLevel}`)).toEqual([
      'execute:a1/reminder/0',
      'execute:a2/reminder/0',
      'execute:a1/due/0',
      'execute:a2/due/0',
    ]);
  });
});
