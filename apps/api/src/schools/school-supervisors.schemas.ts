import { z } from 'zod';
import { PathIdSchema } from '../routes/route-schemas';

/** PUT /schools/:schoolId/supervisors: the whole set of assigned supervisors (empty clears it). */
export const SetSchoolSupervisorsBodySchema = z.strictObject({
  supervisorIds: z.array(PathIdSchema).max(20),
});
export type SetSchoolSupervisorsBody = z.infer<typeof SetSchoolSupervisorsBodySchema>;

/** GET /schools/supervisors: one region, or every region the caller administers. */
export const SchoolSupervisorsQuerySchema = z.strictObject({ regionId: PathIdSchema.optional() });
export type SchoolSupervisorsQuery = z.infer<typeof SchoolSupervisorsQuerySchema>;
