import { resolve } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIG, type Config } from '@mutu/config';
import { CommandAuthenticationError, commandSignerFrom, EventStore, StreamVersionConflictError, CommandIdReusedError, type CommandSigner } from '@mutu/persistence';
import { PROJECT_ROOT } from '@mutu/temporal';
import { ApplicationFailure } from '@temporalio/common';
import type { AppendEventsInput, AppendEventsResult, ComputeStageScheduleInput, ComputeStageScheduleResult, ProgramActivities, RecordedEvent } from '@mutu/workflows';
import { authenticateAppend } from './authenticate-append';
import { CheckpointScheduleService } from './checkpoint-schedule.service';
import { DeadlineActivitiesService } from './deadline.activities.service';

/** Events after which a checkpoint is published at once, not only at the next hourly one. */
const CATCH_UP_PAGE = 50;

const STAGE_CHANGES = new Set(['StageAdvanced', 'ProgramClosed', 'ProgramCancelled']);

/** Activities of programWorkflow, as a Nest provider so they get their dependencies injected. */
@Injectable()
export class ProgramActivitiesService implements ProgramActivities {
  private readonly signer: CommandSigner;
  private readonly logger = new Logger('program-activities');

  constructor(
    @Inject(EventStore) private readonly eventStore: EventStore,
    @Inject(CONFIG) config: Config,
    @Inject(CheckpointScheduleService) private readonly checkpoints: CheckpointScheduleService,
    @Inject(DeadlineActivitiesService) private readonly deadlines: DeadlineActivitiesService,
  ) {
    this.signer = commandSignerFrom({ COMMAND_SIGNING_KEY: config.COMMAND_SIGNING_KEY, NODE_ENV: config.NODE_ENV, dataDir: resolve(PROJECT_ROOT, config.DATA_DIR) });
  }

  /** Every stream's append (programs, campaigns, clusters): authenticated first, then recorded. */
  async appendEvents(input: AppendEventsInput): Promise<AppendEventsResult> {
    try {
      authenticateAppend(this.signer, input);
      const result = await this.eventStore.append({
        streamId: input.streamId,
        expectedVersion: input.expectedVersion,
        commandId: input.commandId,
        events: input.events as never,
        metadata: input.metadata,
        occurredAt: input.occurredAt,
      });
      if (!result.duplicate && (input.events as { type: string }[]).some((e) => STAGE_CHANGES.has(e.type))) this.checkpoints.trigger();
      const positions = { fromVersion: result.fromVersion, toVersion: result.toVersion, headHash: result.headHash, duplicate: result.duplicate, ...(input.catchUp ? { commandId: input.commandId } : {}) };
      // A command recorded after the caller's version (by an attempt whose workflow task was lost):
      // the caller is behind the store, and catches up with everything after its version.
      if (input.catchUp && result.duplicate && result.toVersion > input.expectedVersion) return { ...positions, behind: await this.behind(input) };
      const schedule = input.nextSchedule === undefined ? undefined : await this.scheduleOfNextStage(input.nextSchedule);
      return schedule === undefined ? positions : { ...positions, schedule };
    } catch (e) {
      if (input.catchUp && e instanceof StreamVersionConflictError) {
        const behind = await this.behind(input);
        const last = behind[behind.length - 1];
        if (last) return { fromVersion: input.expectedVersion + 1, toVersion: last.version, headHash: '', duplicate: false, commandId: input.commandId, behind };
      }
      if (e instanceof StreamVersionConflictError || e instanceof CommandIdReusedError) {
        throw ApplicationFailure.nonRetryable(e.message, e.code);
      }
      if (e instanceof CommandAuthenticationError) {
        throw ApplicationFailure.create({ type: e.code, message: e.message, nonRetryable: true, details: [{ code: e.code, status: 403, details: null }] });
      }
      throw e;
    }
  }

  /**
   * The schedule of the stage the recorded command opened. A failure here must not fail the append,
   * which is committed: the answer goes without it, and the workflow computes the schedule itself
   * (with that activity's own retries).
   */
  private async scheduleOfNextStage(input: ComputeStageScheduleInput): Promise<ComputeStageScheduleResult | undefined> {
    try {
      return await this.deadlines.computeStageSchedule(input);
    } catch (e) {
      this.logger.warn(`program ${input.programId}: next stage's schedule not computed with the append (the workflow computes it): ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  /** The stream's events after the caller's version, a page at a time. */
  private async behind(input: AppendEventsInput): Promise<RecordedEvent[]> {
    const from = input.expectedVersion + 1;
    const events = await this.eventStore.readStream(input.streamId, { fromVersion: from, toVersion: from + CATCH_UP_PAGE - 1 });
    return events.map((e) => ({ version: e.version, commandId: e.commandId, type: e.type, v: e.v, data: e.data }));
  }
}
