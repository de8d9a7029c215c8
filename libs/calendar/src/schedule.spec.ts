import { DEFAULT_DEADLINE_POLICY } from './deadline-policy';
import { buildCalendarData } from './holidays';
import { computeStageSchedule } from './schedule';
import { StageScheduleInput } from './schedule.types';

const { holidays } = buildCalendarData({ years: [2025, 2026, 2027] });

function input(overrides: Partial<StageScheduleInput>): StageScheduleInput {
  return {
    programId: 'prog-1',
    stage: 'execute',
    budgetYear: 2026,
    timeZone: 'Asia/Jakarta',
    stageStartedAt: '2026-07-01T01:00:00Z',
    policy: DEFAULT_DEADLINE_POLICY,
    activities: [],
    extensions: [],
    calendar: { holidays, extraDaysOff: [] },
    ...overrides,
  };
}

const act = (id: string, start: string, end: string, status = 'in_progress', actualEnd?: string) => ({
  id,
  window: { start, end },
  status,
  ...(actualEnd ? { actualEnd } : {}),
});

describe('execute stage schedule', () => {
  const schedule = computeStageSchedule(input({ activities: [act('a1', '2026-08-10', '2026-08-17')] }));
  const [deadline] = schedule.deadlines;

  it('moves a window end on Independence Day (Mon 17 Aug 2026) back to Friday 14 Aug', () => {
    expect(deadline).toMatchObject({
      key: 'execute:a1',
      stage: 'execute',
      activityId: 'a1',
      dueDate: '2026-08-14',
      dueInstant: '2026-08-14T17:00:00.000Z',
      ownerRole: 'staff',
      extended: false,
    });
  });

  it('reminds 10, 5, 2, 1 and 0 working days before, at 08:00 Jakarta time', () => {
    expect(deadline.reminders).toEqual([
      { offsetWorkingDays: 10, date: '2026-07-31', at: '2026-07-31T01:00:00.000Z' },
      { offsetWorkingDays: 5, date: '2026-08-07', at: '2026-08-07T01:00:00.000Z' },
      { offsetWorkingDays: 2, date: '2026-08-12', at: '2026-08-12T01:00:00.000Z' },
      { offsetWorkingDays: 1, date: '2026-08-13', at: '2026-08-13T01:00:00.000Z' },
      { offsetWorkingDays: 0, date: '2026-08-14', at: '2026-08-14T01:00:00.000Z' },
    ]);
  });

  it('escalates after 1, 3, 5 and 10 working days, skipping 17 and 25 Aug', () => {
    expect(deadline.escalations.map((e) => [e.level, e.toRole, e.date])).toEqual([
      [1, 'owner', '2026-08-18'],
      [2, 'principal', '2026-08-20'],
      [3, 'supervisor', '2026-08-24'],
      [4, 'district_officer', '2026-09-01'],
    ]);
  });

  it('has no deadline for done or dropped activities', () => {
    const s = computeStageSchedule(
      input({
        activities: [
          act('a1', '2026-08-10', '2026-08-20', 'done'),
          act('a2', '2026-08-10', '2026-08-20', 'dropped'),
          act('a3', '2026-08-10', '2026-08-20', 'planned'),
        ],
      }),
    );
    expect(s.deadlines.map((d) => d.key)).toEqual(['execute:a3']);
  });

  it('drops reminders before the stage started and keeps one at exactly the start', () => {
    const s = computeStageSchedule(
      input({ stageStartedAt: '2026-08-12T08:00:00+07:00', activities: [act('a1', '2026-08-10', '2026-08-17')] }),
    );
    expect(s.deadlines[0].reminders.map((r) => r.offsetWorkingDays)).toEqual([2, 1, 0]);
    expect(s.stageStartedAt).toBe('2026-08-12T01:00:00.000Z');
  });

  it('uses the school zone: 08:00 in Jayapura is 23:00Z the day before', () => {
    const s = computeStageSchedule(
      input({ timeZone: 'Asia/Jayapura', activities: [act('a1', '2026-08-10', '2026-08-17')] }),
    );
    expect(s.deadlines[0].reminders.at(-1)).toEqual({
      offsetWorkingDays: 0,
      date: '2026-08-14',
      at: '2026-08-13T23:00:00.000Z',
    });
    expect(s.deadlines[0].dueInstant).toBe('2026-08-14T15:00:00.000Z');
  });

  it('honours a custom reminder time and local days off', () => {
    const s = computeStageSchedule(
      input({
        reminderLocalTime: '13:30',
        calendar: { holidays, extraDaysOff: ['2026-08-13'] },
        activities: [act('a1', '2026-08-10', '2026-08-14')],
      }),
    );
    expect(s.deadlines[0].reminders.slice(-2)).toEqual([
      { offsetWorkingDays: 1, date: '2026-08-12', at: '2026-08-12T06:30:00.000Z' },
      { offsetWorkingDays: 0, date: '2026-08-14', at: '2026-08-14T06:30:00.000Z' },
    ]);
  });
});

describe('extensions', () => {
  const activities = [act('a1', '2026-08-10', '2026-08-17'), act('a2', '2026-08-10', '2026-08-17')];

  it('an extension moves the due date and all later reminders and escalations of that activity only', () => {
    const s = computeStageSchedule(
      input({ activities, extensions: [{ stage: 'execute', activityId: 'a1', newDueDate: '2026-08-28' }] }),
    );
    const a1 = s.deadlines.find((d) => d.key === 'execute:a1')!;
    const a2 = s.deadlines.find((d) => d.key === 'execute:a2')!;
    expect(a1).toMatchObject({ dueDate: '2026-08-28', extended: true });
    // Counting back skips 25 Aug (Maulid Nabi) and 17 Aug.
    expect(a1.reminders.map((r) => r.date)).toEqual(['2026-08-12', '2026-08-20', '2026-08-26', '2026-08-27', '2026-08-28']);
    expect(a1.escalations[0].date).toBe('2026-08-31');
    expect(a2).toMatchObject({ dueDate: '2026-08-14', extended: false });
  });

  it('the last granted extension wins, even when it is earlier, and rolls back off a weekend', () => {
    const s = computeStageSchedule(
      input({
        activities,
        extensions: [
          { stage: 'execute', activityId: 'a1', newDueDate: '2026-09-04' },
          { stage: 'execute', activityId: 'a1', newDueDate: '2026-08-30' },
        ],
      }),
    );
    expect(s.deadlines.find((d) => d.key === 'execute:a1')!.dueDate).toBe('2026-08-28');
  });

  it('a stage-wide extension applies to every deadline of that stage, not to other stages', () => {
    const s = computeStageSchedule(
      input({
        activities,
        extensions: [
          { stage: 'execute', newDueDate: '2026-08-21' },
          { stage: 'document', newDueDate: '2026-12-01' },
        ],
      }),
    );
    expect(s.deadlines.map((d) => [d.key, d.dueDate])).toEqual([
      ['execute:a1', '2026-08-21'],
      ['execute:a2', '2026-08-21'],
    ]);
  });
});

describe('plan, assign, document and report stages', () => {
  it('plan: due 31 Jan of the budget year, rolled back from Saturday to Friday 30 Jan 2026', () => {
    const s = computeStageSchedule(input({ stage: 'plan', stageStartedAt: '2025-12-10T02:00:00Z' }));
    expect(s.deadlines).toHaveLength(1);
    expect(s.deadlines[0]).toMatchObject({ key: 'plan', dueDate: '2026-01-30', ownerRole: 'principal' });
    // 10 working days back skips 16 Jan 2026 (Isra Mi'raj).
    expect(s.deadlines[0].reminders[0].date).toBe('2026-01-15');
  });

  it('plan: a program started in March gets 10 working days', () => {
    const s = computeStageSchedule(input({ stage: 'plan', stageStartedAt: '2026-03-02T02:00:00Z' }));
    expect(s.deadlines[0].dueDate).toBe('2026-03-16');
  });

  it.each([
    ['the first activity starts late: 5 working days', [act('a1', '2026-03-02', '2026-03-05')], '2026-02-09'],
    ['the first activity starts soon: the working day before it', [act('a1', '2026-02-05', '2026-02-06')], '2026-02-04'],
    ['the first activity starts tomorrow: not before start + 1', [act('a1', '2026-02-03', '2026-02-06')], '2026-02-03'],
    ['a dropped activity does not count', [act('a1', '2026-02-03', '2026-02-06', 'dropped')], '2026-02-09'],
  ])('assign: %s', (_, activities, expected) => {
    const s = computeStageSchedule(input({ stage: 'assign', stageStartedAt: '2026-02-02T01:00:00Z', activities }));
    expect(s.deadlines.map((d) => [d.key, d.dueDate])).toEqual([['assign', expected]]);
  });

  it('document: 10 working days after the actual end of each done activity, with overrides', () => {
    const s = computeStageSchedule(
      input({
        stage: 'document',
        stageStartedAt: '2026-08-01T01:00:00Z',
        policy: {
          ...DEFAULT_DEADLINE_POLICY,
          activityOverrides: [
            { activityId: 'a3', stage: 'document', workingDaysAfterActivityEnd: 3, reminderOffsetsWorkingDays: [1, 0] },
          ],
        },
        activities: [
          act('a1', '2026-07-20', '2026-08-03', 'done'),
          act('a2', '2026-07-20', '2026-08-05', 'done', '2026-07-31'),
          act('a3', '2026-07-20', '2026-08-03', 'done'),
          act('a4', '2026-07-20', '2026-08-03', 'dropped'),
        ],
      }),
    );
    expect(s.deadlines.map((d) => [d.key, d.dueDate, d.reminders.length])).toEqual([
      ['document:a3', '2026-08-06', 2],
      ['document:a2', '2026-08-14', 4],
      ['document:a1', '2026-08-18', 5],
    ]);
  });

  it('report: due 15 December; after submission, the committee signs off within 10 working days', () => {
    const before = computeStageSchedule(input({ stage: 'report', stageStartedAt: '2026-11-02T01:00:00Z' }));
    expect(before.deadlines.map((d) => [d.key, d.dueDate, d.ownerRole])).toEqual([['report', '2026-12-15', 'principal']]);

    const after = computeStageSchedule(
      input({
        stage: 'report',
        stageStartedAt: '2026-11-02T01:00:00Z',
        submittedAt: '2026-12-10T04:00:00Z',
        calendar: { holidays, extraDaysOff: ['2026-12-24'] },
        extensions: [{ stage: 'report', newDueDate: '2026-12-22' }],
      }),
    );
    const [signOff] = after.deadlines;
    expect(signOff).toMatchObject({ key: 'report:sign-off', dueDate: '2026-12-28', ownerRole: 'committee', extended: false });
    // The 10-day reminder would be 10 Dec 08:00, before the 11:00 submission: dropped.
    expect(signOff.reminders.map((r) => r.offsetWorkingDays)).toEqual([5, 2, 1, 0]);
    expect(signOff.escalations[0].date).toBe('2026-12-29');
  });

  it('report: the sign-off deadline is extended only by its key', () => {
    const s = computeStageSchedule(
      input({
        stage: 'report',
        submittedAt: '2026-12-10T04:00:00Z',
        extensions: [{ stage: 'report', deadlineKey: 'report:sign-off', newDueDate: '2027-01-08' }],
      }),
    );
    expect(s.deadlines[0]).toMatchObject({ dueDate: '2027-01-08', extended: true });
  });
});

describe('schedule output', () => {
  it('is plain JSON with policy version and context', () => {
    const s = computeStageSchedule(input({ activities: [act('a1', '2026-08-10', '2026-08-17')] }));
    expect(JSON.parse(JSON.stringify(s))).toStrictEqual(s);
    expect(s).toMatchObject({ programId: 'prog-1', stage: 'execute', budgetYear: 2026, policyVersion: 1 });
  });

  it('refuses malformed input at the edge', () => {
    expect(() => computeStageSchedule(input({ timeZone: 'Mars/Olympus' }))).toThrow();
    expect(() => computeStageSchedule(input({ activities: [act('a1', '2026-08-17', '2026-08-10')] }))).toThrow();
    expect(() => computeStageSchedule(input({ stageStartedAt: '2026-08-01' }))).toThrow();
  });
});
