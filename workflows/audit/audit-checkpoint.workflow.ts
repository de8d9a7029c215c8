import { proxyActivities } from '@temporalio/workflow';
import type { AuditActivities, PublishCheckpointInput, PublishedCheckpoint } from './audit.activities';

export const AUDIT_CHECKPOINT_WORKFLOW = 'auditCheckpointWorkflow';

// Verification reads every event: minutes on a large store. A broken chain is not retried (the
// activity fails it as non-retryable and alerts the auditors); a database blip is.
const { publishCheckpoint } = proxyActivities<AuditActivities>({
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '10 seconds', maximumAttempts: 5 },
});

/** One signed, published checkpoint of every stream's head; started by the hourly Schedule or a stage change. */
export async function auditCheckpointWorkflow(input: PublishCheckpointInput = { reason: 'schedule' }): Promise<PublishedCheckpoint> {
  return publishCheckpoint(input);
}
