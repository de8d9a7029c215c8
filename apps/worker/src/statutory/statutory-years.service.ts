import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '@mutu/config';
import { openSchoolReportingYear } from '@mutu/temporal';
import { CheckpointScheduleService } from '../activities/checkpoint-schedule.service';

/** How often the directory is swept for schools whose reporting year is not open yet. */
const SWEEP_EVERY_MS = 6 * 60 * 60_000;
/** Starts in flight at once during a sweep. */
const PARALLEL_STARTS = 8;

/**
 * The budget years whose statutory reports are still ahead of a school on `today` (a local date in
 * Indonesia): this year's, and last year's until 30 June — its annual report is due 31 January and a
 * late one still counts (it cuts stage I) until 25 June.
 */
export function openBudgetYears(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return today.slice(5) <= '06-30' ? [year - 1, year] : [year];
}

/**
 * Opens every school's statutory reporting year, so that reminders and escalations reach schools
 * whose people never open Mutu: at worker start and every six hours, the schools of the directory
 * with no statutory deadlines recorded for an open year get their year's workflow started
 * (idempotent: a running year is joined, an ended one never restarted, and any replica may sweep).
 * A year opened late does not send what fell due before it opened; the workflow only acts from then on.
 */
@Injectable()
export class StatutoryYearsService implements OnApplicationShutdown {
  private readonly logger = new Logger('statutory-years');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(CheckpointScheduleService) private readonly temporal: CheckpointScheduleService,
  ) {}

  /** Starts the years not open yet (of one region when given); answers how many were started. */
  async openMissing(opts: { regionId?: string; now?: Date } = {}): Promise<number> {
    const now = opts.now ?? new Date();
    // Indonesia's westernmost zone (UTC+7) decides the day: a year opens a few hours early further east.
    const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const rows: { school_id: string; region_id: string; time_zone: string; year: number }[] = await this.ds.query(
      `SELECT s.school_id, s.region_id, s.time_zone, y.year
         FROM schools s CROSS JOIN unnest($1::int[]) AS y(year)
        WHERE ($2::text IS NULL OR s.region_id = $2)
          AND NOT EXISTS (SELECT 1 FROM statutory_deadlines d WHERE d.school_id = s.school_id AND d.budget_year = y.year)
        ORDER BY s.school_id, y.year`,
      [openBudgetYears(today), opts.regionId ?? null],
    );
    const client = await this.temporal.client();
    let started = 0;
    for (let i = 0; i < rows.length; i += PARALLEL_STARTS) {
      const batch = rows.slice(i, i + PARALLEL_STARTS).map((r) =>
        openSchoolReportingYear(client, this.config.TEMPORAL_TASK_QUEUE, { schoolId: r.school_id, regionId: r.region_id, budgetYear: r.year, timeZone: r.time_zone }),
      );
      started += (await Promise.all(batch)).filter(Boolean).length;
    }
    return started;
  }

  /** A sweep now and every six hours; a failed sweep is logged and the next one tries again. */
  start(): void {
    const sweep = () =>
      this.openMissing()
        .then((n) => n > 0 && this.logger.log(`opened ${n} statutory reporting year(s)`))
        .catch((e: unknown) => this.logger.warn(`statutory sweep failed, next in 6 h: ${e instanceof Error ? e.message : String(e)}`));
    void sweep();
    this.timer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
