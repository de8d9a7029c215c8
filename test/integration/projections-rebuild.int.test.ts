import type { DataSource } from 'typeorm';
import type { ProgramCommand } from '@mutu/domain';
import {
  createDataSource,
  diffReadModels,
  EventStore,
  foldStored,
  migrate,
  ProgramProjector,
  programStreamId,
  readProgramState,
  snapshotReadModels,
  STATE_WRITTEN_EVERY,
} from '@mutu/persistence';
import { actors, command, completeReport, happyPath } from '@mutu/domain/testing';
import { recordProgram, type RecordedProgram } from '../support/record-program';
import { watchProjector } from '../support/watch-projector';

describe('projections rebuild (PostgreSQL)', () => {
  let ds: DataSource;
  let store: EventStore;
  const suffix = `${process.pid}-${Date.now().toString(36)}`;

  beforeAll(async () => {
    ds = createDataSource({ url: process.env.DATABASE_URL!, poolSize: 4 });
    await ds.initialize();
    await migrate(ds);
    store = new EventStore(ds, [new ProgramProjector()]);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  const record = (programId: string, commands: ProgramCommand[]) => recordProgram(store, programId, commands);

  beforeAll(async () => {
    const p = happyPath(3);
    await record(`rb-closed-${suffix}`, [...p.plan, ...p.assign, ...p.execute, ...p.document, ...p.report] as ProgramCommand[]);
    const q = happyPath(2);
    await record(`rb-execute-${suffix}`, [...q.plan, ...q.assign, command('StartActivity', actors.staff, { activityId: 'act-1' })] as ProgramCommand[]);
    const r = happyPath(1);
    await record(`rb-plan-${suffix}`, [r.plan[0], command('SubmitPlan', actors.principal, {})] as ProgramCommand[]);
  });

  it('rebuilds programs and tasks from the events into exactly what the live projection built', async () => {
    const live = await snapshotReadModels(ds);
    expect(live.programs.map((p) => p.program_id)).toEqual(expect.arrayContaining([`rb-closed-${suffix}`, `rb-execute-${suffix}`, `rb-plan-${suffix}`]));
    expect(live.tasks.length).toBeGreaterThan(0);
    await store.rebuildProjections();
    expect(diffReadModels(live, await snapshotReadModels(ds))).toEqual([]);
  });

  it('projects the same when two processes take turns appending to one program', async () => {
    // Each store's projector remembers the state it folded last; the other's appends make that stale.
    const other = new EventStore(ds, [new ProgramProjector()]);
    const programId = `rb-turns-${suffix}`;
    const p = happyPath(2);
    const [create, submit, approve] = p.plan as ProgramCommand[];
    let program = await recordProgram(store, programId, [create, submit]);
    program = await recordProgram(other, programId, [approve], program);
    program = await recordProgram(store, programId, p.assign as ProgramCommand[], program);
    program = await recordProgram(other, programId, [command('StartActivity', actors.staff, { activityId: 'act-1' })], program);
    await recordProgram(store, programId, [command('StartActivity', actors.staff, { activityId: 'act-2' })], program);
    const live = await snapshotReadModels(ds);
    expect(live.programs.find((r) => r.program_id === programId)).toMatchObject({ stage: 'execute', version: program.version + 1 });
    await store.rebuildProjections();
    expect(diffReadModels(live, await snapshotReadModels(ds))).toEqual([]);
  });

  it('finds a read model that drifted from the events, and the rebuild repairs it', async () => {
    const programId = `rb-execute-${suffix}`;
    await ds.query(`UPDATE programs SET stage = 'report', title = 'diubah langsung' WHERE program_id = $1`, [programId]);
    await ds.query('DELETE FROM tasks WHERE program_id = $1', [programId]);
    const drifted = await snapshotReadModels(ds);
    await store.rebuildProjections();
    const rebuilt = await snapshotReadModels(ds);
    const differences = diffReadModels(drifted, rebuilt);
    expect(differences).toEqual(expect.arrayContaining([`programs ${programId}: differs in title, stage`]));
    expect(differences.some((d) => d.startsWith('tasks ') && d.endsWith('only in the rebuilt read model'))).toBe(true);
    expect(rebuilt.programs.find((p) => p.program_id === programId)).toMatchObject({ stage: 'execute' });
  });

  it('remembers as many programs as it is told: within that many, an append folds on what it remembers; past it, it reads the row back', async () => {
    const reads: string[] = [];
    const projector = new ProgramProjector({ maxFolded: 2 });
    const watched = new EventStore(ds, [
      watchProjector(projector, (text, streamId) => {
        if (/\bFROM programs\b/.test(text)) reads.push(streamId);
      }),
    ]);
    const [create, submit] = happyPath(1).plan as ProgramCommand[];
    const ids = ['a', 'b', 'c'].map((x) => `rb-memo-${x}-${suffix}`);
    const created = [];
    for (const id of ids) created.push(await recordProgram(watched, id, [create]));
    // b and c are the two remembered; a was the first to go.
    await recordProgram(watched, ids[2], [submit], created[2]);
    await recordProgram(watched, ids[1], [submit], created[1]);
    expect(reads).toEqual([]);
    await recordProgram(watched, ids[0], [submit], created[0]);
    expect(reads).toEqual([`program-${ids[0]}`]);
    const rows = await ds.query(`SELECT program_id, version FROM programs WHERE program_id = ANY($1) ORDER BY program_id`, [ids]);
    expect(rows.map((r: { version: number }) => r.version)).toEqual([2, 2, 2]);
  });

  it("sends the waiting tasks' statements only when a command changed them", async () => {
    const sent: string[] = [];
    const watched = new EventStore(ds, [watchProjector(new ProgramProjector(), (text) => sent.push(text))]);
    const [create, submit] = happyPath(1).plan as ProgramCommand[];
    const programId = `rb-tasks-${suffix}`;
    const tasksWritten = () => sent.splice(0).some((text) => /\b(INTO|FROM) tasks\b/.test(text));
    const tasksHeld = async () => (await ds.query('SELECT kind, role FROM tasks WHERE program_id = $1 ORDER BY kind', [programId])) as { kind: string; role: string }[];
    let program = await recordProgram(watched, programId, [create]);
    expect(tasksWritten()).toBe(true);
    const waiting = await tasksHeld();
    expect(waiting.length).toBeGreaterThan(0);
    // The same plan again: a PlanEdited event, and the same person still has to submit it.
    const plan = (create.payload as { plan: unknown }).plan;
    program = await recordProgram(watched, programId, [command('EditPlan', actors.principal, { plan } as never)], program);
    expect(tasksWritten()).toBe(false);
    expect(await tasksHeld()).toEqual(waiting);
    // Submitted: now the supervisor decides.
    program = await recordProgram(watched, programId, [submit], program);
    expect(tasksWritten()).toBe(true);
    expect(await tasksHeld()).not.toEqual(waiting);
    // A projector that does not remember the program (another process) reads the row and writes the tasks.
    const other = new EventStore(ds, [watchProjector(new ProgramProjector(), (text) => sent.push(text))]);
    await recordProgram(other, programId, [command('DecidePlan', actors.supervisor, { decision: 'reject', reason: 'Anggaran belum rinci' })], program);
    expect(tasksWritten()).toBe(true);
  });

  describe('program states written every so many events', () => {
    const row = async (programId: string) =>
      ((await ds.query('SELECT version, state_version, state::text AS stored FROM programs WHERE program_id = $1', [programId])) as { version: number; state_version: number; stored: string }[])[0];
    const folded = async (programId: string) => foldStored(await store.readStream(programStreamId(programId)));

    it('keeps the stored state at most a few events behind, and every reader gets the fold of the whole stream', async () => {
      const programId = `snap-lag-${suffix}`;
      const p = happyPath(2);
      const edits = Array.from({ length: 2 * STATE_WRITTEN_EVERY }, () => command('EditReport', actors.qaTeam, { sections: completeReport }));
      const commands = [...p.plan, ...p.assign, ...p.execute, ...p.document, ...edits] as ProgramCommand[];
      let program: RecordedProgram | undefined;
      let lagged = 0;
      for (const c of commands) {
        program = await recordProgram(store, programId, [c], program);
        const r = await row(programId);
        expect(r.version).toBe(program.version);
        expect(r.version - r.state_version).toBeLessThan(STATE_WRITTEN_EVERY);
        if (r.state_version < r.version) lagged++;
        expect((await readProgramState(ds, programId))!.state).toEqual(await folded(programId));
      }
      // Most appends left the stored state as it was.
      expect(lagged).toBeGreaterThan(commands.length / 2);
      // Another process's projector remembers nothing: it folds the row's tail, and the next state it writes is the whole fold.
      const other = new EventStore(ds, [new ProgramProjector()]);
      const more = Array.from({ length: STATE_WRITTEN_EVERY }, () => command('EditReport', actors.qaTeam, { sections: completeReport })) as ProgramCommand[];
      program = await recordProgram(other, programId, more, program);
      expect((await readProgramState(ds, programId))!.state).toEqual(await folded(programId));
      const { stored, state_version } = await row(programId);
      expect(foldStored((await store.readStream(programStreamId(programId))).filter((e) => e.version <= state_version))).toEqual(JSON.parse(stored));
    });

    it('keeps the evidence index with every change of evidence, whatever state the row holds', async () => {
      const programId = `snap-evidence-${suffix}`;
      const p = happyPath(1);
      let program = await recordProgram(store, programId, [...p.plan, ...p.assign] as ProgramCommand[]);
      const [start, attach] = p.execute as ProgramCommand[];
      program = await recordProgram(store, programId, [start, attach], program);
      const { sha256, activityId, filename, mimeType } = attach.payload as { sha256: string; activityId: string; filename: string; mimeType: string };
      const indexed = async () => ds.query('SELECT activity_id, sha256, filename, mime_type FROM program_evidence WHERE program_id = $1', [programId]);
      expect(await indexed()).toEqual([{ activity_id: activityId, sha256, filename, mime_type: mimeType }]);
      // The evidence is in the events after the stored state, not in it.
      const r = await row(programId);
      expect([r.state_version < r.version, r.stored.includes(sha256)]).toEqual([true, false]);
      await recordProgram(store, programId, [command('WithdrawEvidence', actors.staff, { activityId, sha256, reason: 'Foto keliru' })] as ProgramCommand[], program);
      expect(await indexed()).toEqual([]);
    });

    it('rebuilds into the same programs, whatever state each row held', async () => {
      const live = await snapshotReadModels(ds);
      await store.rebuildProjections();
      expect(diffReadModels(live, await snapshotReadModels(ds))).toEqual([]);
    });
  });
});
