import { proxyActivities } from '@temporalio/workflow';
import type { ArchivedRuns, AuditActivities, PublishCheckpointInput, PublishedCheckpoint } from './audit.activities';

export const AUDIT_CHECKPOINT_WORKFLOW = 'auditCheckpointWorkflow';

// Verification reads every event: minutes on a large store. A broken chain is not retried (the
// activity fails it as non-retryable and alerts the auditors); a database blip is.
const { archiveClosedRuns, publishCheckpoint } = proxyActivities<AuditActivities>({
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '10 seconds', maximumAttempts: 5 },
});

/**
 * Started by the hourly Schedule or a stage change: archives the runs closed since the last time
 * (before Temporal's retention drops them), then signs and publishes a checkpoint of every stream.
 */
export async function auditCheckpointWorkflow(input: PublishCheckpointInput = { reason: 'schedule' }): Promise<PublishedCheckpoint & { runs: ArchivedRuns }> {
  const runs = await archiveClosedRuns();
  return { ...(await publishCheckpoint(input)), runs };
}
