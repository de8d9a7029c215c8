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

export interface AuditActivities {
  /** Verifies every chain; when intact, signs every stream's head, stores it and publishes it. */
  publishCheckpoint(input: PublishCheckpointInput): Promise<PublishedCheckpoint>;
}
