import type { ProjectorClass } from '@mutu/persistence';
import { CampaignNotificationProjector } from './campaign-notification.projector';
import { NotificationProjector } from './notification.projector';
import { StatutoryNotificationProjector } from './statutory-notification.projector';

/**
 * The outbox's projectors, for `PersistenceModule.forRoot({ projectors })`: every process that
 * appends events (worker, API) queues the notices in the append's own transaction.
 */
export const NOTIFICATION_PROJECTORS: readonly ProjectorClass[] = [NotificationProjector, CampaignNotificationProjector, StatutoryNotificationProjector];
