// Input of the admin console's routes (days off of a region, national days off of a year, deadline
// policies per region, directory imports): apart from the use cases so the route table can name
// them. Strict objects: an unknown field is a 400 at its path.
import { DeadlinePolicySchema } from '@mutu/calendar';
import { z } from 'zod';

const Id = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'not an id');
const Year = z.coerce.number().int().min(2000).max(2100);

/** GET /admin/days-off: a year's days off, national ones and those of one region (and its schools). */
export const DaysOffQuerySchema = z.strictObject({ year: Year.optional(), regionId: Id.optional() });
export type DaysOffQuery = z.infer<typeof DaysOffQuerySchema>;

/** GET /admin/deadline-policies: the policy in force for a region (or the general one) and every version set for it. */
export const DeadlinePolicyQuerySchema = z.strictObject({ regionId: Id.optional() });
export type DeadlinePolicyQuery = z.infer<typeof DeadlinePolicyQuerySchema>;

/** PUT /admin/deadline-policies: a new version for a region (the server numbers it). */
export const SetDeadlinePolicyBodySchema = z.strictObject({
  regionId: Id,
  policy: DeadlinePolicySchema.omit({ version: true }).strict(),
  note: z.string().min(1).max(500),
});
export type SetDeadlinePolicyBody = z.infer<typeof SetDeadlinePolicyBodySchema>;

/** POST /admin/import/{regions,schools,users}: multipart `file` plus an optional dry-run flag. */
export const ImportDirectoryFormSchema = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });
export type ImportDirectoryForm = z.infer<typeof ImportDirectoryFormSchema>;
