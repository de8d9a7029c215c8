// Types only: the workflow imports these as types; the worker implements them as Nest providers.
import type { ProgramEvent } from '@mutu/domain';

export interface AppendEventsInput {
  streamId: string;
  expectedVersion: number;
  commandId: string;
  events: ProgramEvent[];
  metadata: Record<string, unknown>;
  occurredAt: string;
}

export interface AppendEventsResult {
  fromVersion: number;
  toVersion: number;
  headHash: string;
  duplicate: boolean;
}

export interface ProgramActivities {
  appendEvents(input: AppendEventsInput): Promise<AppendEventsResult>;
}
