import { BospComponentSchema } from '@mutu/domain';
import { z } from 'zod';

/** PUT /bosp/components/:year: the whole list of a budget year and the regulation it comes from. */
export const PutBospComponentsBodySchema = z
  .strictObject({
    source: z.string().trim().min(1).max(500),
    components: z.array(z.strictObject(BospComponentSchema.shape)).min(1).max(50),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.components.forEach((c, i) => {
      if (seen.has(c.code)) ctx.addIssue({ code: 'custom', path: ['components', i, 'code'], message: `duplicate code "${c.code}"` });
      seen.add(c.code);
    });
  });
export type PutBospComponentsBody = z.infer<typeof PutBospComponentsBodySchema>;
