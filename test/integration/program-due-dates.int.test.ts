import type { DataSource } from 'typeorm';
import type { StageSchedule } from '@mutu/calendar';
import type { Actor, ProgramCommand } from '@mutu/domain';
import { actors, BUDGET_YEAR, command, createProgram, happyPath, validPlan } from '@mutu/domain/testing';
import { createDataSource, DeadlinesRepository, diffReadModels, EventStore, migrate, ProgramProjector, snapshotReadModels } from '@mutu/persistence';
import type { Config } from '@mutu/config';
import { ListProgramsUseCase } from '../../apps/api/src/programs/list-programs.usecase';
import { ProgramListCache } from '../../apps/api/src/programs/program-list-cache';
import { ProgramsRepository } from '../../apps/api/src/programs/programs.repository';
import { recordProgram, type RecordedProgram } from '../support/record-program';

/** The calendar date `days` from today in `timeZone`, as YYYY-MM-DD. */
function localDate(timeZone: string, days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function schedule(programId: string, dueDates: string[]): StageSchedule {
  return {
    programId,
    policyVersion: 1,
    deadlines: dueDates.map((dueDate, i) => ({
      key: `execute:act-${i + 1}`,
      stage: 'execute',
      activityId: `act-${i + 1}`,
      dueDate,
      dueInstant: `${dueDate}T17:00:00.000Z`,
      ownerRole: 'staff',
      extended: false,
      reminders: [],
      escalations: [],
    })),
  } as unknown as StageSchedule;
}

const ADMIN: Actor = { ...actors.principal, userId: 'u-admin-due', roles: ['admin'], schoolIds: [], regionIds: [] } as Actor;

// A program's next due date is its earliest open deadline; overdue is computed when read, by the
// calendar of the program's own time zone: from the first day after the due date.
describe('program due dates in the programs read model (PostgreSQL)', () => {
  let ds: DataSource;
  let store: EventStore;
  let deadlines: DeadlinesRepository;
  let list: ListProgramsUseCase;
  let programs: ProgramsRepository;
  let todayProgram: RecordedProgram;
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const ids = { late: `due-late-${suffix}`, today: `due-today-${suffix}`, papua: `due-papua-${suffix}`, none: `due-none-${suffix}` };

  /** Every page of GET /programs' list for the admin, these programs only. */
  const listed = async (query: Record<string, string> = {}) => {
    const found = new Map<string, { programId: string; nextDueDate: string | null; overdue: boolean }>();
    let cursor: string | undefined;
    do {
      const page = JSON.parse(await list.execute(ADMIN, { limit: 100, ...query, ...(cursor ? { cursor } : {}) })) as {
        items: { programId: string; nextDueDate: string | null; overdue: boolean }[];
        nextCursor: string | null;
      };
      for (const item of page.items) if (Object.values(ids).includes(item.programId)) found.set(item.programId, item);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return found;
  };

  beforeAll(async () => {
    ds = createDataSource({ url: process.env.DATABASE_URL!, poolSize: 4 });
    await ds.initialize();
    await migrate(ds);
    store = new EventStore(ds, [new ProgramProjector()]);
    deadlines = new DeadlinesRepository(ds);
    list = new ListProgramsUseCase(ds, new ProgramListCache({ PROGRAM_LIST_CACHE_MS: 0 } as Config)); // every read from PostgreSQL
    programs = new ProgramsRepository(ds);
    const path = happyPath(2);
    const toExecute = [...path.plan, ...path.assign] as ProgramCommand[];
    await recordProgram(store, ids.late, toExecute);
    todayProgram = await recordProgram(store, ids.today, toExecute);
    await recordProgram(store, ids.none, toExecute);
    const papua = [createProgram({ plan: validPlan(2), timeZone: 'Asia/Jayapura' }), ...toExecute.slice(1)];
    await recordProgram(store, ids.papua, papua);
    await deadlines.replaceForProgram(schedule(ids.late, [localDate('Asia/Jakarta', 10), localDate('Asia/Jakarta', -1)]), { schoolId: actors.principal.schoolIds[0], budgetYear: BUDGET_YEAR });
    await deadlines.replaceForProgram(schedule(ids.today, [localDate('Asia/Jakarta', 0)]), { schoolId: actors.principal.schoolIds[0], budgetYear: BUDGET_YEAR });
    // Yesterday in Jayapura (UTC+9) is today or yesterday in Jakarta: only Jayapura's calendar counts.
    await deadlines.replaceForProgram(schedule(ids.papua, [localDate('Asia/Jayapura', -1)]), { schoolId: actors.principal.schoolIds[0], budgetYear: BUDGET_YEAR });
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  it('lists the earliest open deadline and whether it has passed', async () => {
    const items = await listed();
    expect(items.get(ids.late)).toMatchObject({ nextDueDate: localDate('Asia/Jakarta', -1), overdue: true });
    expect(items.get(ids.today)).toMatchObject({ nextDueDate: localDate('Asia/Jakarta', 0), overdue: false });
    expect(items.get(ids.papua)).toMatchObject({ nextDueDate: localDate('Asia/Jayapura', -1), overdue: true });
    expect(items.get(ids.none)).toMatchObject({ nextDueDate: null, overdue: false });
  });

  it('filters on overdue both ways', async () => {
    expect([...(await listed({ overdue: 'true' })).keys()].sort()).toEqual([ids.late, ids.papua].sort());
    expect([...(await listed({ overdue: 'false' })).keys()].sort()).toEqual([ids.none, ids.today].sort());
  });

  it("replaces a program's deadlines with the next schedule: dropped keys go, kept keys change", async () => {
    const id = `due-replace-${suffix}`;
    await recordProgram(store, id, [...happyPath(2).plan, ...happyPath(2).assign] as ProgramCommand[]);
    const scope = { schoolId: actors.principal.schoolIds[0], budgetYear: BUDGET_YEAR };
    await deadlines.replaceForProgram(schedule(id, ['2025-05-02', '2025-04-01']), scope);
    await deadlines.replaceForProgram(schedule(id, ['2025-06-30']), scope);
    const rows = (await deadlines.forSchoolYear(scope.schoolId, BUDGET_YEAR)).filter((d) => d.programId === id);
    expect(rows.map((d) => [d.deadlineKey, d.dueDate])).toEqual([['execute:act-1', '2025-06-30']]);
    expect((await programs.findById(id))?.next_due_date).toBeTruthy();
    expect(JSON.parse(await list.execute(ADMIN, { schoolId: scope.schoolId, limit: 100 })).items.find((i: { programId: string }) => i.programId === id)).toMatchObject({ nextDueDate: '2025-06-30', overdue: true });
    await deadlines.replaceForProgram(schedule(id, []), scope);
    expect((await programs.findById(id))?.next_due_date).toBeNull();
  });

  it('shows the same in the program view', async () => {
    const row = await programs.findVisible(ids.late, ADMIN);
    expect(row).toMatchObject({ overdue: true, time_zone: 'Asia/Jakarta' });
  });

  it('keeps the due date through later appends and a rebuild, and drops it once the program is done with it', async () => {
    await recordProgram(store, ids.today, [command('StartActivity', actors.staff, { activityId: 'act-1' })], todayProgram);
    expect((await listed()).get(ids.today)).toMatchObject({ nextDueDate: localDate('Asia/Jakarta', 0), overdue: false });
    const live = await snapshotReadModels(ds);
    await store.rebuildProjections();
    expect(diffReadModels(live, await snapshotReadModels(ds))).toEqual([]);
    expect((await listed()).get(ids.late)).toMatchObject({ nextDueDate: localDate('Asia/Jakarta', -1), overdue: true });
    await deadlines.clearProgram(ids.late);
    expect((await listed()).get(ids.late)).toMatchObject({ nextDueDate: null, overdue: false });
  });
});
