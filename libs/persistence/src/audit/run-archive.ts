import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** One closed (completed, continued-as-new, failed, cancelled, terminated, timed out) workflow run. */
export interface ArchivedRun {
  workflowId: string;
  runId: string;
  workflowType: string;
  status: string;
  startTime: Date;
  closeTime: Date;
  /** The run's history, encoded as Temporal's protobuf `History` message. */
  history: Buffer;
  /** sha256 of `history`, recorded when archived. */
  sha256: string;
}

interface ArchiveRow {
  workflow_id: string;
  run_id: string;
  workflow_type: string;
  status: string;
  start_time: Date;
  close_time: Date;
  history: Buffer;
  history_sha256: string;
}

/**
 * Temporal keeps a closed run's history only for the namespace's retention period; the audit
 * needs every run for as long as the program's record is kept. Closed runs are copied here (and
 * never changed), so replay and bundles read them after Temporal has dropped them.
 */
export class RunArchive {
  constructor(private readonly ds: DataSource) {}

  /** Stores a closed run once; a second store of the same run changes nothing. Returns true when new. */
  async save(run: Omit<ArchivedRun, 'sha256'>): Promise<boolean> {
    const sha256 = createHash('sha256').update(run.history).digest('hex');
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO workflow_run_archive (workflow_id, run_id, workflow_type, status, start_time, close_time, history, history_sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (run_id) DO NOTHING RETURNING run_id`,
      [run.workflowId, run.runId, run.workflowType, run.status, run.startTime, run.closeTime, run.history, sha256],
    );
    return rows.length > 0;
  }

  /** Of these run ids, the ones already archived. */
  async archived(runIds: readonly string[]): Promise<Set<string>> {
    if (runIds.length === 0) return new Set();
    const rows: { run_id: string }[] = await this.ds.query('SELECT run_id FROM workflow_run_archive WHERE run_id = ANY($1)', [runIds]);
    return new Set(rows.map((r) => r.run_id));
  }

  /** Every archived run of a workflow id, oldest first, each checked against its recorded hash. */
  async runsOf(workflowId: string): Promise<ArchivedRun[]> {
    const rows: ArchiveRow[] = await this.ds.query('SELECT * FROM workflow_run_archive WHERE workflow_id = $1 ORDER BY start_time, run_id', [workflowId]);
    return rows.map((r) => {
      const sha256 = createHash('sha256').update(r.history).digest('hex');
      if (sha256 !== r.history_sha256) throw new Error(`archived history of run ${r.run_id} does not match its recorded sha256`);
      return { workflowId: r.workflow_id, runId: r.run_id, workflowType: r.workflow_type, status: r.status, startTime: r.start_time, closeTime: r.close_time, history: r.history, sha256 };
    });
  }

  /** The latest close time archived: the next sweep asks Temporal for runs closed after it (less a margin). */
  async lastCloseTime(): Promise<Date | undefined> {
    const rows: { t: Date | null }[] = await this.ds.query('SELECT max(close_time) AS t FROM workflow_run_archive');
    return rows[0]?.t ?? undefined;
  }
}
