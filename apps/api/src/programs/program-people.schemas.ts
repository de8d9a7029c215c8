import { z } from 'zod';

/** `GET /programs/:id/people?role=`: one role of the school's users, or all of them. */
export const ProgramPeopleQuerySchema = z.strictObject({
  role: z.enum(['principal', 'qa_team', 'staff', 'committee']).optional(),
});
export type ProgramPeopleQuery = z.infer<typeof ProgramPeopleQuerySchema>;

/** `GET /schools` takes no parameters. */
export const NoQuerySchema = z.strictObject({});
