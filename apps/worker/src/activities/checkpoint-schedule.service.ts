import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { CONFIG, type Config } from '@mutu/config';
import { temporalConnectionOptions } from '@mutu/temporal';
import { AUDIT_CHECKPOINT_WORKFLOW } from '@mutu/workflows';

export const CHECKPOINT_SCHEDULE_ID = 'mutu-audit-checkpoints';

/**
 * The Temporal Schedule that signs and publishes a checkpoint every AUDIT_CHECKPOINT_INTERVAL_MINUTES,
 * and the trigger a stage change pulls. Overlap BUFFER_ONE: while one checkpoint runs, any number
 * of triggers leave one more to run after it, so a burst of stage changes costs two checkpoints.
 */
@Injectable()
export class CheckpointScheduleService implements OnApplicationShutdown {
  private readonly logger = new Logger('checkpoints');
  private connection?: Promise<Connection>;
  private enabled = false;
  private retry?: NodeJS.Timeout;

  constructor(@Inject(CONFIG) private readonly config: Config) {}

  /** Creates the schedule, or brings an existing one to this configuration. Idempotent across replicas. */
  async ensure(): Promise<void> {
    this.enabled = true;
    const client = await this.client();
    const spec = { intervals: [{ every: this.config.AUDIT_CHECKPOINT_INTERVAL_MINUTES * 60_000 }] };
    const action = {
      type: 'startWorkflow' as const,
      workflowType: AUDIT_CHECKPOINT_WORKFLOW,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [{ reason: 'schedule (hourly, or a stage change)' }],
    };
    try {
      await client.schedule.create({ scheduleId: CHECKPOINT_SCHEDULE_ID, spec, action, policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE, catchupWindow: '1 hour' } });
    } catch (e) {
      if (!(e instanceof ScheduleAlreadyRunning)) throw e;
      await client.schedule.getHandle(CHECKPOINT_SCHEDULE_ID).update((previous) => ({ ...previous, spec, action: { ...previous.action, ...action } }));
    }
  }

  /**
   * Tries ensure() once and, when Temporal is slow or away (a restart, a burst), keeps trying in
   * the background every 30 s: a worker never dies because the schedule could not be written, its
   * workflows and activities matter more, and any replica that gets through keeps the schedule.
   */
  async ensureOrRetry(): Promise<void> {
    try {
      await this.ensure();
    } catch (e) {
      this.logger.warn(`checkpoint schedule not written yet, retrying in 30 s: ${e instanceof Error ? e.message : String(e)}`);
      this.retry = setTimeout(() => void this.ensureOrRetry(), 30_000);
      this.retry.unref();
    }
  }

  /** Asks for a checkpoint now (after a stage change); never fails the caller. */
  trigger(): void {
    if (!this.enabled) return;
    void this.client()
      .then((client) => client.schedule.getHandle(CHECKPOINT_SCHEDULE_ID).trigger(ScheduleOverlapPolicy.BUFFER_ONE))
      .catch((e: unknown) => this.logger.warn(`checkpoint trigger failed (the hourly one still runs): ${e instanceof Error ? e.message : String(e)}`));
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.retry);
    if (this.connection) await (await this.connection).close().catch(() => undefined);
  }

  /** A client of the worker's namespace (also used to archive closed runs). */
  async client(): Promise<Client> {
    this.connection ??= Connection.connect(temporalConnectionOptions(this.config));
    return new Client({ connection: await this.connection, namespace: this.config.TEMPORAL_NAMESPACE });
  }
}
