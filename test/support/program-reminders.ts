// Programs whose events are appended straight to the event store (with the program and notification
// projectors in the transaction, as the worker appends them) — for tests of what notices do after
// they are recorded, without a workflow: a created program and reminders recorded by the system.
import type { DataSource } from 'typeorm';
import { decide, evolve, initialProgramState, type Actor, type ProgramCommand, type ProgramState } from '@mutu/domain';
import { EventStore, ProgramProjector, programStreamId } from '@mutu/persistence';
import { NotificationProjector } from '@mutu/notifications';
import { command, createProgram, validPlan } from '@mutu/domain/testing';

const SYSTEM: Actor = { userId: 'system', roles: ['system'], schoolIds: [], regionIds: [] };

export interface ProgramWithReminders {
  /** Records a plan-stage reminder (offset in working days before 26 Feb 2027) at an instant. */
  remind(offsetWorkingDays: number, at: string): Promise<void>;
}

/** Creates the program as `principal` at `schoolId` (plan stage) and returns a reminder recorder. */
export async function programWithReminders(ds: DataSource, programId: string, schoolId: string, regionId: string, principal: Actor): Promise<ProgramWithReminders> {
  const store = new EventStore(ds, [new ProgramProjector(), new NotificationProjector()]);
  let state: ProgramState = initialProgramState();
  let version = 0;
  const apply = async (c: ProgramCommand) => {
    const events = decide(c, state);
    const r = await store.append({ streamId: programStreamId(programId), expectedVersion: version, commandId: `${programId}:${c.commandId}`, events: events as never, metadata: {}, occurredAt: c.now });
    version = r.toVersion;
    state = events.reduce(evolve, state);
  };
  await apply(createProgram({ programId, schoolId, regionId, plan: validPlan(1) }, principal));
  return {
    remind: (offset, at) =>
      apply(command('RecordReminder', SYSTEM, { stage: 'plan', kind: `plan:reminder:${offset}`, dueDate: '2027-02-26', recipientRole: 'principal', offsetWorkingDays: offset } as never, { now: at })),
  };
}
