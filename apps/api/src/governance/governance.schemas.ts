import { z } from 'zod';

/** GET /audit/governance: the language of the timeline's sentences. */
export const GovernanceTimelineQuerySchema = z.strictObject({ lang: z.enum(['id', 'en']).default('id') });
export type GovernanceTimelineQuery = z.infer<typeof GovernanceTimelineQuerySchema>;
