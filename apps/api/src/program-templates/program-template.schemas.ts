// Request bodies of starting a program template at schools and of copying last year's plan.
import { payloadSchemas, TemplateIdSchema } from '@mutu/domain';
import { z } from 'zod';
import { PathIdSchema } from '../routes/route-schemas';

/** Most schools one start may name (a large region's schools of one level). */
export const MAX_TEMPLATE_SCHOOLS = 5000;

export const StartTemplateBodySchema = z.strictObject({
  templateId: TemplateIdSchema,
  title: payloadSchemas.CreateProgram.shape.title,
  budgetYear: payloadSchemas.CreateProgram.shape.budgetYear,
  plan: payloadSchemas.CreateProgram.shape.plan,
  schoolIds: z
    .array(PathIdSchema)
    .min(1)
    .max(MAX_TEMPLATE_SCHOOLS)
    .refine((ids) => new Set(ids).size === ids.length, 'a school appears twice'),
});
export type StartTemplateBody = z.infer<typeof StartTemplateBodySchema>;

export const CopyProgramBodySchema = z.strictObject({
  budgetYear: payloadSchemas.CreateProgram.shape.budgetYear,
  title: payloadSchemas.CreateProgram.shape.title.optional(),
});
export type CopyProgramBody = z.infer<typeof CopyProgramBodySchema>;
