import fc from 'fast-check';
import { isDomainError } from '../errors';
import { actors, command, happyPath, runCommands, sampleCommands, sha } from '../testing/fixtures';
import { ProgramCommandSchema, type ProgramCommand } from './program.commands';
import { decide } from './program.decider';
import { ProgramEventSchema, type ProgramEvent } from './program.events';
import { evolve, fold } from './program.evolve';
import { type ProgramState, initialProgramState } from './program.state';

const allHappy = (n = 2): ProgramCommand[] => {
  const g = happyPath(n);
  return [...g.plan, ...g.assign, ...g.execute, ...g.document, ...g.report];
};

describe('fold', () => {
  it('folding every event of the happy path gives a closed program', () => {
    const { events, state } = runCommands(allHappy(3));
    const folded = fold(events);
    expect(folded).toEqual(state);
    expect(folded).toMatchObject({ status: 'closed', stage: 'closed', version: events.length });
    if (folded.status === 'none') throw new Error('unreachable');
    expect(folded.stageHistory.map((h) => h.stage)).toEqual(['plan', 'assign', 'execute', 'document', 'report', 'closed']);
    expect(folded.plan.activities.every((a) => a.status === 'done')).toBe(true);
    expect(folded.report.signedOffAt).not.toBeNull();
  });

  it('folds from a snapshot: fold(tail, fold(head)) equals fold(all)', () => {
    const { events } = runCommands(allHappy(2));
    for (const cut of [0, 1, 5, events.length - 1, events.length]) {
      expect(fold(events.slice(cut), fold(events.slice(0, cut)))).toEqual(fold(events));
    }
  });

  it('the state is plain JSON and survives a round trip (continue-as-new, queries)', () => {
    const { state } = runCommands(allHappy(2));
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('events before ProgramCreated and a second ProgramCreated leave the state unchanged', () => {
    const { events } = runCommands(allHappy(1));
    expect(evolve(initialProgramState(), events[1]!)).toEqual(initialProgramState());
    const created = fold(events.slice(0, 1));
    expect(evolve(created, events[0]!)).toBe(created);
  });
});

/** Commands to throw at the decider in any order: the happy path plus refusals and detours. */
function commandPool(): ProgramCommand[] {
  const samples = (id: string) => Object.values(sampleCommands(id));
  return [
    ...samples('act-1'),
    ...samples('act-2'),
    ...samples('act-404'),
    command('DecidePlan', actors.supervisor, { decision: 'reject', reason: 'Perbaiki' }),
    command('DecideDocumentation', actors.supervisor, { decision: 'reject', reason: 'Kurang foto' }),
    command('SignReport', actors.committee3, { decision: 'reject', reportSha256: sha(0xbeef), reason: 'Belum' }),
    command('SignReport', actors.committee2, { decision: 'approve', reportSha256: sha(0xbeef) }),
    command('StartActivity', actors.staff, { activityId: 'act-2' }),
    command('AssignActivity', actors.principal, { activityId: 'act-2', personInCharge: actors.staff2.userId, participants: [] }),
    command('RecordReminder', actors.system, { stage: 'execute', kind: 'k', dueDate: '2025-05-01', recipientRole: 'staff', offsetWorkingDays: -1 }),
    command('RecordEscalation', actors.system, { stage: 'document', level: 1, toRole: 'supervisor' }),
    command('SubmitPlan', actors.outsider, {}),
  ];
}

describe('decide and evolve together (property)', () => {
  const happy = allHappy(2);
  const pool = commandPool();

  it('every fixture command is schema-valid', () => {
    for (const c of [...happy, ...pool]) expect(ProgramCommandSchema.safeParse(c).success).toBe(true);
  });

  it('decide only refuses with DomainErrors; accepted commands yield schema-valid events that evolve never chokes on', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat(pool.length - 1), { freq: 2 }), { maxLength: 90 }), (steps) => {
        let state: ProgramState = initialProgramState();
        const log: ProgramEvent[] = [];
        let next = 0;
        for (const step of steps) {
          const cmd = step === null ? happy[next++ % happy.length]! : pool[step]!;
          let events: ProgramEvent[];
          try {
            events = decide(cmd, state);
          } catch (e) {
            if (!isDomainError(e)) throw e;
            continue;
          }
          expect(events.length).toBeGreaterThan(0);
          for (const ev of events) {
            ProgramEventSchema.parse(ev);
            const before = state.version;
            state = evolve(state, ev);
            expect(state.version).toBe(before + 1);
          }
          log.push(...events);
        }
        expect(fold(log)).toEqual(state);
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      }),
      { numRuns: 300, seed: 20250106 },
    );
  });
});
