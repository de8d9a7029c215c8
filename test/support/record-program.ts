import type { ProgramCommand } from '@mutu/domain';
import { runCommands, type RunResult } from '@mutu/domain/testing';
import { programStreamId, type EventStore } from '@mutu/persistence';

/**
 * Decides a program's commands and appends their events one command at a time, as the workflow
 * does (the store's projectors see every append). Command ids are scoped to the program. Pass
 * what an earlier call returned to go on with the same program.
 */
export async function recordProgram(
  store: EventStore,
  programId: string,
  commands: readonly ProgramCommand[],
  from: RecordedProgram = { done: runCommands([]), version: 0 },
): Promise<RecordedProgram> {
  let { done, version } = from;
  for (const c of commands) {
    const scoped = { ...c, commandId: `${programId}:${c.commandId}`, payload: c.type === 'CreateProgram' ? { ...c.payload, programId } : c.payload } as ProgramCommand;
    const next = runCommands([scoped], done);
    const events = next.events.slice(done.events.length);
    await store.append({ streamId: programStreamId(programId), expectedVersion: version, commandId: scoped.commandId, events: events as never, metadata: {}, occurredAt: scoped.now });
    version += events.length;
    done = next;
  }
  return { done, version };
}

export interface RecordedProgram {
  done: RunResult;
  version: number;
}
