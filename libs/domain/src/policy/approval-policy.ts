// Approval policy as governance data: the education office sets it per region, optionally per
// school; each change is an ApprovalPolicySet event in the region's policy stream, whose version
// is the policy's version. A program takes the policy in force at its creation.
import { z } from 'zod';
import { type Role, RoleSchema } from '../actor';
import {
  ApprovalPolicySchema,
  ApprovalStepSchema,
  ApproverRoleSchema,
  DEFAULT_APPROVAL_POLICY,
  IdSchema,
  IsoInstantSchema,
  ReasonSchema,
  ReportRejectionRuleSchema,
  reportRejectionsToReturn,
  type ApprovalPolicy,
  type ApprovalPolicyRef,
} from '../program/program.schemas';

/** Who may change a policy. */
export const POLICY_EDITOR_ROLES: readonly Role[] = ['district_officer', 'admin'];

/** A policy as the education office writes it: the rejection rule is always explicit. */
export const GovernedApprovalPolicySchema = z.strictObject({
  plan: z.strictObject(ApprovalStepSchema.shape),
  documentation: z.strictObject(ApprovalStepSchema.shape),
  report: z.strictObject({
    role: ApproverRoleSchema,
    quorum: z.number().int().min(1).max(20),
    rejection: ReportRejectionRuleSchema,
  }),
});
export type GovernedApprovalPolicy = z.infer<typeof GovernedApprovalPolicySchema>;

export const ApprovalPolicySetSchema = z.object({
  regionId: IdSchema,
  /** null: the region's policy; otherwise one school's, which takes precedence over the region's. */
  schoolId: IdSchema.nullable(),
  policy: ApprovalPolicySchema,
  reason: ReasonSchema,
  by: IdSchema,
  role: RoleSchema,
  at: IsoInstantSchema,
});
export type ApprovalPolicySet = z.infer<typeof ApprovalPolicySetSchema>;

export const APPROVAL_POLICY_SET = 'ApprovalPolicySet';
export const APPROVAL_POLICY_SET_V = 1;

export function policyStreamId(regionId: string): string {
  return `policy-${regionId}`;
}

export interface PolicyStreamEvent {
  version: number;
  type: string;
  data: unknown;
}

export interface PolicyInForce {
  policy: ApprovalPolicy;
  ref: ApprovalPolicyRef;
  setBy: string | null;
  setAt: string | null;
}

/** The latest policy of one scope in a region's stream, or null when that scope never had one. */
export function latestPolicy(events: readonly PolicyStreamEvent[], schoolId: string | null): PolicyInForce | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.type !== APPROVAL_POLICY_SET) continue;
    const d = e.data as ApprovalPolicySet;
    if (d.schoolId !== schoolId) continue;
    return {
      policy: d.policy,
      ref: { scope: schoolId === null ? 'region' : 'school', regionId: d.regionId, schoolId, version: e.version },
      setBy: d.by,
      setAt: d.at,
    };
  }
  return null;
}

/** The policy a new program of this school takes: the school's, else the region's, else the default. */
export function policyInForce(events: readonly PolicyStreamEvent[], regionId: string, schoolId: string): PolicyInForce {
  return (
    latestPolicy(events, schoolId) ??
    latestPolicy(events, null) ?? {
      policy: DEFAULT_APPROVAL_POLICY,
      ref: { scope: 'default', regionId, schoolId: null, version: 0 },
      setBy: null,
      setAt: null,
    }
  );
}

/**
 * Committee members a school needs so that every way its members can vote ends in a sign-off or a
 * return: the quorum of approvals, plus (under 'majority') room for the rejections short of
 * returning the report.
 */
export function committeeMembersNeeded(policy: ApprovalPolicy['report']): number {
  return policy.quorum + reportRejectionsToReturn(policy) - 1;
}
