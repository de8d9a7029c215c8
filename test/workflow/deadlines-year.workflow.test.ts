// A whole budget year (2027) of one program with 12 activities, in the time-skipping server, with
// the worker's real activities against PostgreSQL. Expectations come from the table of 2027 public
// holidays in wib-calendar.ts and the test's own working-day arithmetic, not from @mutu/calendar.
import type { Actor, ProgramCommand } from '@mutu/domain';
import { programStreamId } from '@mutu/persistence';
import { plannedActivity, validPlan } from '@mutu/domain/testing';
import { send, startProgram, startProgramHarness, uniqueId, type ProgramHarness } from './program-harness';
import { localDate, localTime, onOrBefore, shift, wib, workdays } from './wib-calendar';

const YEAR = 2027;
const OFFSETS = [10, 5, 2, 1, 0];

/** Activity windows: act-8 ends on Independence Day (a Tuesday holiday). */
const WINDOWS: [string, string][] = [
  ['02-01', '02-19'], ['02-22', '03-12'], ['03-15', '04-09'], ['04-12', '04-30'], ['05-03', '05-21'], ['05-24', '06-18'],
  ['06-21', '07-16'], ['07-19', '08-17'], ['08-23', '09-17'], ['09-20', '10-15'], ['10-18', '11-12'], ['11-15', '12-10'],
].map(([s, e]) => [`${YEAR}-${s}`, `${YEAR}-${e}`]);
const LATE = 'act-3';
const EXTENDED = 'act-6';
const EXTENSION = { grantedAt: wib('2027-06-14', '10:00'), newDueDate: '2027-07-09' };

interface Arrival { type: string; activityId: string | null; offset?: number; level?: number; toRole?: string; dueDate: string; at: string; stage: string }

describe('deadlines over a whole budget year (time-skipping Temporal + PostgreSQL)', () => {
  let h: ProgramHarness;
  const programId = uniqueId('dl-year');
  const school = `sch-${programId}`;
  const region = `reg-${programId}`;
  const u = (name: string) => `${programId}-${name}`;
  const actor = (id: string, roles: Actor['roles'], byRegion = false): Actor => ({
    userId: u(id), roles, schoolIds: byRegion ? [] : [school], regionIds: byRegion ? [region] : [],
  });
  const principal = actor('principal', ['principal']);
  const supervisor = actor('supervisor', ['supervisor'], true);
  const staff = [actor('staff-a', ['staff']), actor('staff-b', ['staff'])];
  const picOf = (i: number) => staff[i % 2];
  let arrivals: Arrival[] = [];
  let inbox: { user_id: string; kind: string; created_at: Date; template: string }[] = [];
  const stageTimes: Record<string, string> = {};

  beforeAll(async () => {
    h = await startProgramHarness();
    for (const [id, roles, byRegion] of [
      ['principal', ['principal'], false], ['supervisor', ['supervisor'], true], ['district', ['district_officer'], true],
      ['staff-a', ['staff'], false], ['staff-b', ['staff'], false],
    ] as const) {
      await h.dataSource.query(
        `INSERT INTO users (user_id, email, name, password_hash, roles, school_ids, region_ids, locale) VALUES ($1, $2, $1, 'x', $3, $4, $5, 'id')`,
        [u(id), `${u(id)}@test.mutu.id`, roles, byRegion ? [] : [school], byRegion ? [region] : []],
      );
    }
    await runYear();
  }, 600_000);

  afterAll(async () => {
    await h?.stop();
  });

  async function runYear(): Promise<void> {
    const env = h.env;
    const advanceTo = async (iso: string) => {
      const now = await env.currentTimeMs();
      if (Date.parse(iso) > now) await env.sleep(Date.parse(iso) - now);
    };
    let n = 0;
    const cmd = async <T extends ProgramCommand['type']>(type: T, by: Actor, payload: Extract<ProgramCommand, { type: T }>['payload']) =>
      ({ commandId: `${programId}:c${++n}`, type, actor: by, now: new Date(await env.currentTimeMs()).toISOString(), payload }) as ProgramCommand;

    await h.withWorker(async () => {
      await advanceTo(wib('2027-01-04', '09:00'));
      const handle = await startProgram(h, programId);
      const plan = {
        ...validPlan(1),
        activities: WINDOWS.map(([start, end], i) => plannedActivity(i + 1, { window: { start, end } })),
      };
      await send(handle, await cmd('CreateProgram', principal, { programId, schoolId: school, regionId: region, budgetYear: YEAR, title: 'Program 2027', plan } as never));
      stageTimes.plan = new Date(await env.currentTimeMs()).toISOString();
      // Plan reminders at 10 and 5 working days arrive; the plan is approved before the 2-day one.
      await advanceTo(wib('2027-01-25', '10:00'));
      await send(handle, await cmd('SubmitPlan', principal, {}));
      await send(handle, await cmd('DecidePlan', supervisor, { decision: 'approve' }));
      for (let i = 0; i < 12; i++) {
        await send(handle, await cmd('AssignActivity', principal, { activityId: `act-${i + 1}`, personInCharge: picOf(i).userId, participants: [] }));
      }
      await send(handle, await cmd('ConfirmAssignments', principal, {}));
      stageTimes.execute = new Date(await env.currentTimeMs()).toISOString();

      // Each activity is completed at noon on its 1-day reminder day, except the late one (after
      // its 4th escalation). The extension is granted before the old 2-day reminder.
      const completions = WINDOWS.map(([, end], i) => {
        const id = `act-${i + 1}`;
        if (id === LATE) return { id, i, at: wib(workdays(onOrBefore(end), 12), '12:00') };
        const due = id === EXTENDED ? onOrBefore(EXTENSION.newDueDate) : onOrBefore(end);
        return { id, i, at: wib(workdays(due, -1), '12:00') };
      });
      const actions = [
        ...completions.map((c) => ({ at: c.at, run: async () => {
          const day = localDate(c.at);
          await send(handle, await cmd('CompleteActivity', picOf(c.i), { activityId: c.id, actualStart: WINDOWS[c.i][0], actualEnd: day, realisedCost: 1_000_000, outcome: 'Terlaksana' }));
        } })),
        { at: EXTENSION.grantedAt, run: async () => {
          await send(handle, await cmd('ExtendDeadline', supervisor, { stage: 'execute', activityId: EXTENDED, newDueDate: EXTENSION.newDueDate, reason: 'Narasumber berhalangan' }));
        } },
      ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      for (const a of actions) {
        await advanceTo(a.at);
        await a.run();
      }
      stageTimes.document = new Date(await env.currentTimeMs()).toISOString();
      await advanceTo(wib('2027-12-13', '10:00'));
      await send(handle, await cmd('RequestCancellation', principal, { reason: 'Tahun anggaran berakhir' }));
      await send(handle, await cmd('ConfirmCancellation', supervisor, {}));
      stageTimes.cancelled = new Date(await env.currentTimeMs()).toISOString();
      await handle.result();
      await advanceTo(wib('2027-12-31', '12:00'));
    });

    const events = await h.store.readStream(programStreamId(programId));
    arrivals = events
      .filter((e) => ['ReminderIssued', 'DeadlineMissed', 'EscalationRaised'].includes(e.type))
      .map((e) => {
        const d = e.data as Record<string, unknown>;
        return {
          type: e.type, activityId: (d.activityId as string | null) ?? null, stage: String(d.stage), dueDate: String(d.dueDate),
          at: String(d.at), offset: d.offsetWorkingDays as number | undefined, level: d.level as number | undefined, toRole: d.toRole as string | undefined,
        };
      });
    inbox = await h.dataSource.query('SELECT user_id, kind, created_at, template FROM notifications WHERE program_id = $1 ORDER BY created_at', [programId]);
  }

  /** Execute-stage reminders expected for one activity, from the independent calendar above. */
  function expectedExecuteReminders(i: number): { offset: number; date: string; dueDate: string }[] {
    const id = `act-${i + 1}`;
    const end = WINDOWS[i][1];
    const schedule = (due: string) => OFFSETS.map((offset) => ({ offset, date: workdays(due, -offset), dueDate: due }));
    const stageStart = Date.parse(stageTimes.execute);
    const completedAt = id === LATE ? Infinity : Date.parse(wib(workdays(id === EXTENDED ? onOrBefore(EXTENSION.newDueDate) : onOrBefore(end), -1), '12:00'));
    const inWindow = (from: number, to: number) => (r: { date: string }) => Date.parse(wib(r.date, '08:00')) > from && Date.parse(wib(r.date, '08:00')) < to;
    if (id !== EXTENDED) return schedule(onOrBefore(end)).filter(inWindow(stageStart, completedAt));
    const granted = Date.parse(EXTENSION.grantedAt);
    return [
      ...schedule(onOrBefore(end)).filter(inWindow(stageStart, granted)),
      ...schedule(onOrBefore(EXTENSION.newDueDate)).filter(inWindow(granted, completedAt)),
    ];
  }

  it('sends every execute reminder at 08:00 on the expected local working day, and no other', () => {
    for (let i = 0; i < 12; i++) {
      const id = `act-${i + 1}`;
      const got = arrivals
        .filter((a) => a.type === 'ReminderIssued' && a.stage === 'execute' && a.activityId === id)
        .map((a) => ({ offset: a.offset!, date: localDate(a.at), dueDate: a.dueDate, time: localTime(a.at) }));
      expect(got.every((g) => g.time === '08:00')).toBe(true);
      expect(got.map(({ time: _t, ...rest }) => rest)).toEqual(expectedExecuteReminders(i));
    }
  });

  it('plan reminders arrive at 10 and 5 working days before 29 January and stop once the plan is approved', () => {
    const plan = arrivals.filter((a) => a.stage === 'plan').map((a) => [a.type, a.offset, localDate(a.at)]);
    expect(plan).toEqual([
      ['ReminderIssued', 10, '2027-01-15'],
      ['ReminderIssued', 5, '2027-01-22'],
    ]);
  });

  it('moves a deadline that falls on a public holiday to the previous working day', () => {
    const act8 = arrivals.filter((a) => a.activityId === 'act-8' && a.type === 'ReminderIssued');
    expect(new Set(act8.map((a) => a.dueDate))).toEqual(new Set(['2027-08-16']));
    expect(act8.map((a) => [a.offset, localDate(a.at)])).toEqual([[10, '2027-08-02'], [5, '2027-08-09'], [2, '2027-08-12'], [1, '2027-08-13']]);
  });

  it('an extension moves every later reminder to the new due date', () => {
    const act6 = arrivals.filter((a) => a.activityId === EXTENDED && a.type === 'ReminderIssued');
    expect(act6.map((a) => [a.offset, a.dueDate, localDate(a.at)])).toEqual([
      [10, '2027-06-18', '2027-06-04'],
      [5, '2027-06-18', '2027-06-11'],
      [10, '2027-07-09', '2027-06-25'],
      [5, '2027-07-09', '2027-07-02'],
      [2, '2027-07-09', '2027-07-07'],
      [1, '2027-07-09', '2027-07-08'],
    ]);
  });

  it('records the missed deadline, then escalates owner → principal → supervisor → district office in order', () => {
    const late = arrivals.filter((a) => a.activityId === LATE && a.type !== 'ReminderIssued');
    const due = onOrBefore(WINDOWS[2][1]);
    expect(late.map((a) => [a.type, a.level ?? null, a.toRole ?? null, localDate(a.at)])).toEqual([
      ['DeadlineMissed', null, null, shift(due, 1)],
      ['EscalationRaised', 1, 'staff', workdays(due, 1)],
      ['EscalationRaised', 2, 'principal', workdays(due, 3)],
      ['EscalationRaised', 3, 'supervisor', workdays(due, 5)],
      ['EscalationRaised', 4, 'district_officer', workdays(due, 10)],
    ]);
    const escalationInbox = inbox.filter((r) => r.template === 'escalation').map((r) => r.user_id);
    expect(escalationInbox).toEqual([picOf(2).userId, u('principal'), u('supervisor'), u('district')]);
    expect(arrivals.filter((a) => a.type !== 'ReminderIssued' && a.activityId !== LATE)).toEqual([]);
  });

  it('sends nothing for a stage after it completed, nor after the program was cancelled', () => {
    for (const a of arrivals) {
      const stageEnd = { plan: stageTimes.execute, assign: stageTimes.execute, execute: stageTimes.document, document: stageTimes.cancelled }[a.stage];
      expect(Date.parse(a.at)).toBeLessThan(Date.parse(stageEnd!));
    }
    expect(Math.max(...inbox.map((r) => r.created_at.getTime()))).toBeLessThan(Date.parse(stageTimes.cancelled));
  });

  it('puts each reminder in the in-app inbox of the activity person in charge, once', () => {
    const reminders = arrivals.filter((a) => a.type === 'ReminderIssued' && a.stage === 'execute');
    const inboxReminders = inbox.filter((r) => r.template === 'reminder' && r.kind.startsWith('execute:'));
    expect(inboxReminders).toHaveLength(reminders.length);
    for (const r of inboxReminders) {
      const i = Number(/execute:act-(\d+):/.exec(r.kind)![1]) - 1;
      expect(r.user_id).toBe(picOf(i).userId);
    }
  });
});
