// The days-off routes' input: apart from the use cases, so the route table can name them without
// importing the use cases (and, through them, the admin service that imports the route schemas).
import { z } from 'zod';

export const NewDayOffBodySchema = z
  .strictObject({
    date: z.iso.date(),
    kind: z.enum(['collective_leave', 'local']),
    name: z.string().min(1).max(200),
    regionId: z.string().min(1).max(200).optional(),
    schoolId: z.string().min(1).max(200).optional(),
  })
  .refine((b) => b.kind === 'collective_leave' || b.regionId !== undefined || b.schoolId !== undefined, {
    message: 'a local day off needs a regionId or a schoolId',
    path: ['regionId'],
  });
export type NewDayOffBody = z.infer<typeof NewDayOffBodySchema>;
export const DayOffIdSchema = z.string().regex(/^\d{1,18}$/, 'must be a day-off id');
