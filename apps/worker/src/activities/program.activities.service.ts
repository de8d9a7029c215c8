import { Inject, Injectable } from '@nestjs/common';
import { EventStore, StreamVersionConflictError, CommandIdReusedError } from '@mutu/persistence';
import { ApplicationFailure } from '@temporalio/common';
import type { AppendEventsInput, AppendEventsResult, ProgramActivities } from '@mutu/workflows';

/** Activities of programWorkflow, as a Nest provider so they get their dependencies injected. */
@Injectable()
export class ProgramActivitiesService implements ProgramActivities {
  constructor(@Inject(EventStore) private readonly eventStore: EventStore) {}

  async appendEvents(input: AppendEventsInput): Promise<AppendEventsResult> {
    try {
      const result = await this.eventStore.append({
        streamId: input.streamId,
        expectedVersion: input.expectedVersion,
        commandId: input.commandId,
        events: input.events as never,
        metadata: input.metadata,
        occurredAt: input.occurredAt,
      });
      return { fromVersion: result.fromVersion, toVersion: result.toVersion, headHash: result.headHash, duplicate: result.duplicate };
    } catch (e) {
      if (e instanceof StreamVersionConflictError || e instanceof CommandIdReusedError) {
        throw ApplicationFailure.nonRetryable(e.message, e.code);
      }
      throw e;
    }
  }
}
