import { GovernedApprovalPolicySchema, IdSchema, ReasonSchema } from '@mutu/domain';
import { z } from 'zod';

/** PUT /policies: a region's policy, or one school's when schoolId is given. */
export const SetApprovalPolicyBodySchema = z.strictObject({
  regionId: IdSchema,
  schoolId: IdSchema.optional(),
  policy: GovernedApprovalPolicySchema,
  /** Why it changes (the office's decree, a committee's size...): part of the audited event. */
  reason: ReasonSchema.refine((r) => r.trim().length > 0, 'a reason is required'),
});
export type SetApprovalPolicyBody = z.infer<typeof SetApprovalPolicyBodySchema>;

/** GET /policies: one region, or every region the caller sees. */
export const ApprovalPoliciesQuerySchema = z.strictObject({ regionId: IdSchema.optional() });
export type ApprovalPoliciesQuery = z.infer<typeof ApprovalPoliciesQuerySchema>;
