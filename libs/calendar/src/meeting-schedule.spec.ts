import fc from 'fast-check';
import { fromEpochDay, toEpochDay } from './local-date';
import { computeMeetingSchedule, DEFAULT_MEETING_POLICY, type MeetingScheduleInput, type MeetingScheduleItem } from './meeting-schedule';
import { createWorkCalendar } from './working-days';
import { INDONESIAN_TIME_ZONES, localDateOf, startOfLocalDay } from './zoned-time';

// Independence Day (Mon 17 Aug 2026) is the one holiday these examples need.
const HOLIDAY = '2026-08-17';

function schedule(meetings: MeetingScheduleInput['meetings'], overrides: Partial<MeetingScheduleInput> = {}): MeetingScheduleItem[] {
  return computeMeetingSchedule({ timeZone: 'Asia/Jakarta', meetings, calendar: { holidays: [HOLIDAY], extraDaysOff: [] }, ...overrides });
}
const meeting = (number: number, plannedDate: string, documented = false) => ({ number, plannedDate, documented });
const ofKind = <K extends MeetingScheduleItem['kind']>(items: MeetingScheduleItem[], kind: K) =>
  items.filter((i): i is Extract<MeetingScheduleItem, { kind: K }> => i.kind === kind);

describe('meeting schedule', () => {
  // Wed 19 Aug 2026, the Monday before it a holiday.
  const items = schedule([meeting(2, '2026-08-19')]);

  it('reminds 5, 2 and 1 working days before the meeting at 08:00 Jakarta time, skipping the weekend and the holiday', () => {
    expect(ofKind(items, 'reminder')).toEqual([
      { kind: 'reminder', at: '2026-08-11T01:00:00.000Z', number: 2, date: '2026-08-19', offsetWorkingDays: 5 },
      { kind: 'reminder', at: '2026-08-14T01:00:00.000Z', number: 2, date: '2026-08-19', offsetWorkingDays: 2 },
      { kind: 'reminder', at: '2026-08-18T01:00:00.000Z', number: 2, date: '2026-08-19', offsetWorkingDays: 1 },
    ]);
  });

  it('without the holiday the 2- and 5-day reminders fall a working day later', () => {
    const plain = ofKind(schedule([meeting(2, '2026-08-19')], { calendar: { holidays: [], extraDaysOff: [] } }), 'reminder');
    expect(plain.map((r) => r.at)).toEqual(['2026-08-12T01:00:00.000Z', '2026-08-17T01:00:00.000Z', '2026-08-18T01:00:00.000Z']);
  });

  it('documentation is due 5 working days after the meeting; overdue the next working day, then escalations to organisers and the office', () => {
    expect(items.filter((i) => i.kind !== 'reminder')).toEqual([
      { kind: 'overdue', at: '2026-08-27T01:00:00.000Z', number: 2, dueDate: '2026-08-26' },
      { kind: 'escalation', at: '2026-08-31T01:00:00.000Z', number: 2, dueDate: '2026-08-26', level: 1, to: 'organiser' },
      { kind: 'escalation', at: '2026-09-03T01:00:00.000Z', number: 2, dueDate: '2026-08-26', level: 2, to: 'district_office' },
    ]);
  });

  it('the overdue item waits for the first working day after the deadline (over a weekend and a holiday)', () => {
    // Fri 7 Aug: due Fri 14 Aug; Sat, Sun and Mon 17 Aug are off, so overdue on Tue 18 Aug.
    const [overdue] = ofKind(schedule([meeting(1, '2026-08-07')]), 'overdue');
    expect(overdue).toEqual({ kind: 'overdue', at: '2026-08-18T01:00:00.000Z', number: 1, dueDate: '2026-08-14' });
  });

  it("uses the campaign's time zone and the policy's send time", () => {
    const wita = schedule([meeting(1, '2026-08-19')], { timeZone: 'Asia/Makassar', policy: { ...DEFAULT_MEETING_POLICY, sendAt: '07:30' } });
    expect(ofKind(wita, 'reminder')[0].at).toBe('2026-08-10T23:30:00.000Z');
  });

  it('escalates only to the two known targets, in level order', () => {
    const policy = { ...DEFAULT_MEETING_POLICY, escalationWorkingDays: [1, 3, 7] };
    const escalations = ofKind(schedule([meeting(1, '2026-09-07')], { policy }), 'escalation');
    expect(escalations.map((e) => [e.level, e.to])).toEqual([
      [1, 'organiser'],
      [2, 'district_office'],
    ]);
  });

  it('documented meetings produce nothing', () => {
    expect(schedule([meeting(1, '2026-08-19', true)])).toEqual([]);
    const mixed = schedule([meeting(1, '2026-08-05', true), meeting(2, '2026-08-19')]);
    expect(new Set(mixed.map((i) => i.number))).toEqual(new Set([2]));
    expect(mixed).toEqual(items);
  });

  it("sorts every meeting's items by time, interleaving meetings", () => {
    const two = schedule([meeting(2, '2026-08-19'), meeting(1, '2026-08-12')]);
    expect(two.map((i) => Date.parse(i.at))).toEqual(two.map((i) => Date.parse(i.at)).sort((a, b) => a - b));
    expect(two[0]).toMatchObject({ kind: 'reminder', number: 1, offsetWorkingDays: 5 });
    // meeting 1's escalations come after meeting 2's reminders
    expect(two.findIndex((i) => i.kind === 'escalation' && i.number === 1)).toBeGreaterThan(two.findIndex((i) => i.kind === 'reminder' && i.number === 2));
  });

  it('breaks ties at the same instant by meeting number', () => {
    const same = schedule([meeting(2, '2026-09-09'), meeting(1, '2026-09-09')]);
    expect(same.slice(0, 2).map((i) => i.number)).toEqual([1, 2]);
  });
});

// --- properties ---------------------------------------------------------------------------------

const dateArb = fc.integer({ min: toEpochDay('2026-01-05'), max: toEpochDay('2027-12-20') }).map(fromEpochDay);
const inputArb: fc.Arbitrary<MeetingScheduleInput> = fc.record({
  timeZone: fc.constantFrom(...INDONESIAN_TIME_ZONES),
  meetings: fc.uniqueArray(fc.record({ number: fc.integer({ min: 1, max: 21 }), plannedDate: dateArb, documented: fc.boolean() }), {
    selector: (m) => m.number,
    maxLength: 6,
  }),
  calendar: fc.record({ holidays: fc.array(dateArb, { maxLength: 60 }), extraDaysOff: fc.array(dateArb, { maxLength: 20 }) }),
});

describe('meeting schedule (properties)', () => {
  it('every reminder is strictly before its meeting day, on a working day at the send time', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const cal = createWorkCalendar({ timeZone: input.timeZone, ...input.calendar });
        for (const r of ofKind(computeMeetingSchedule(input), 'reminder')) {
          expect(Date.parse(r.at)).toBeLessThan(Date.parse(startOfLocalDay(r.date, input.timeZone)));
          const day = localDateOf(r.at, input.timeZone);
          expect(cal.isWorkingDay(day)).toBe(true);
          // exactly `offset` working days in [reminder day, meeting day), whether or not the meeting falls on one
          expect(cal.workingDaysBetween(day, r.date) - Number(cal.isWorkingDay(r.date)) + 1).toBe(r.offsetWorkingDays);
        }
      }),
    );
  });

  it('every escalation comes after the overdue item of the same meeting, levels in order', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const items = computeMeetingSchedule(input);
        for (const o of ofKind(items, 'overdue')) {
          expect(localDateOf(o.at, input.timeZone) > o.dueDate).toBe(true);
          const escalations = ofKind(items, 'escalation').filter((e) => e.number === o.number);
          expect(escalations.map((e) => e.level)).toEqual([1, 2]);
          for (const e of escalations) expect(Date.parse(e.at)).toBeGreaterThan(Date.parse(o.at));
          expect(Date.parse(escalations[1].at)).toBeGreaterThan(Date.parse(escalations[0].at));
        }
      }),
    );
  });

  it('undocumented meetings get 3 reminders, 1 overdue item and 2 escalations; documented ones nothing; all sorted', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const items = computeMeetingSchedule(input);
        for (const m of input.meetings) {
          expect(items.filter((i) => i.number === m.number)).toHaveLength(m.documented ? 0 : 6);
        }
        const times = items.map((i) => Date.parse(i.at));
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }),
    );
  });
});
