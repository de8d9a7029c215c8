/** What the checkpoint workflow asks of the worker; implemented in apps/worker (audit activities). */
export interface PublishCheckpointInput {
  /** Why this checkpoint is taken: 'schedule', or the stage change that triggered it. */
  reason: string;
}

export interface PublishedCheckpoint {
  checkpointId: string;
  streams: number;
  events: number;
  root: string;
  /** The journal the checkpoint was appended to. */
  journal: string;
  /** Addresses it was emailed to. */
  emailedTo: string[];
}

export interface ArchivedRuns {
  /** Closed runs visibility listed since the last sweep. */
  seen: number;
  /** Of those, newly copied into the archive. */
  archived: number;
}

export interface AuditActivities {
  /** Copies the histories of runs closed since the last sweep into PostgreSQL (they outlive retention). */
  archiveClosedRuns(): Promise<ArchivedRuns>;
  /** Verifies every chain; when intact, signs every stream's head, stores it and publishes it. */
  publishCheckpoint(input: PublishCheckpointInput): Promise<PublishedCheckpoint>;
}
