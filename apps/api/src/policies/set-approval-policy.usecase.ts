import { Inject, Injectable } from '@nestjs/common';
import {
  APPROVAL_POLICY_SET,
  committeeMembersNeeded,
  latestPolicy,
  policyStreamId,
  type Actor,
  type ApprovalPolicySet,
  type GovernedApprovalPolicy,
  type Role,
} from '@mutu/domain';
import { activeAssignmentExists } from '@mutu/persistence';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { GovernanceLog } from '../governance/governance-log';
import { ROUTES } from '../routes/route-table';
import type { SetApprovalPolicyBody } from './policy.schemas';
import { visibleRegion } from './region-access';

/** The roles each stage's decision route lets through: a policy naming another role could never be met. */
const ROUTE_OF_STAGE = {
  plan: ROUTES.decidePlan,
  documentation: ROUTES.decideDocumentation,
  report: ROUTES.signReport,
} as const;

type Stage = keyof typeof ROUTE_OF_STAGE;

function rolesThatCannotAct(policy: GovernedApprovalPolicy) {
  return (Object.keys(ROUTE_OF_STAGE) as Stage[])
    .filter((stage) => !(ROUTE_OF_STAGE[stage].roles as readonly string[]).includes(policy[stage].role))
    .map((stage) => ({ path: `policy.${stage}.role`, message: `${policy[stage].role} cannot ${stage === 'report' ? 'sign the report' : `decide on the ${stage}`} through the API; allowed: ${(ROUTE_OF_STAGE[stage].roles as readonly string[]).join(', ')}` }));
}

/**
 * Sets the approval policy of a region or one school: a new version in the region's policy stream.
 * Programs created from now on take it; programs created before keep the one they recorded.
 */
@Injectable()
export class SetApprovalPolicyUseCase {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(GovernanceLog) private readonly log: GovernanceLog,
  ) {}

  async execute(actor: Actor, body: SetApprovalPolicyBody) {
    const { regionId } = body;
    const schools = await visibleRegion(this.ds, actor, regionId, { edit: true });
    const schoolId = body.schoolId ?? null;
    if (schoolId !== null && !schools.some((s) => s.schoolId === schoolId)) {
      throw new ApiError(404, 'SCHOOL_NOT_FOUND', `school ${schoolId} not found in region ${regionId}`);
    }
    const cannotAct = rolesThatCannotAct(body.policy);
    if (cannotAct.length > 0) {
      throw new ApiError(422, 'POLICY_ROLE_CANNOT_ACT', 'A role of the policy can never take that decision through the API.', { issues: cannotAct });
    }
    // A school's own policy governs it; a region's policy governs the schools without one.
    const events = await this.log.read(policyStreamId(regionId));
    const governed = schoolId !== null ? [schoolId] : schools.map((s) => s.schoolId).filter((id) => latestPolicy(events, id) === null);
    await this.requireMembers(regionId, governed, body.policy);

    const role: Role = actor.roles.includes('admin') ? 'admin' : 'district_officer';
    const data: ApprovalPolicySet = { regionId, schoolId, policy: body.policy, reason: body.reason.trim(), by: actor.userId, role, at: new Date().toISOString() };
    const { version } = await this.log.record({ streamId: policyStreamId(regionId), type: APPROVAL_POLICY_SET, data: { ...data }, actor });
    return { regionId, schoolId, version, policy: body.policy, reason: data.reason, by: data.by, role, at: data.at };
  }

  /** Each governed school has enough active members of each deciding role for the policy to be met. */
  private async requireMembers(regionId: string, schoolIds: string[], policy: GovernedApprovalPolicy): Promise<void> {
    if (schoolIds.length === 0) return;
    const needs: { stage: Stage; code: string; needed: number }[] = [
      { stage: 'report', code: 'QUORUM_EXCEEDS_COMMITTEE', needed: committeeMembersNeeded(policy.report) },
      { stage: 'plan', code: 'APPROVALS_EXCEED_APPROVERS', needed: policy.plan.approvals },
      { stage: 'documentation', code: 'APPROVALS_EXCEED_APPROVERS', needed: policy.documentation.approvals },
    ];
    for (const { stage, code, needed } of needs) {
      const role = policy[stage].role;
      // Members act on a school's programs when scoped to the school or to its region; supervisors
      // only when assigned to the school, if it has assigned supervisors who can act.
      const rows: { school_id: string; members: number }[] = await this.ds.query(
        `SELECT s AS school_id, count(u.user_id)::int AS members
           FROM unnest($1::text[]) AS s
           LEFT JOIN users u ON NOT u.disabled AND $3 = ANY(u.roles) AND (s = ANY(u.school_ids) OR $2 = ANY(u.region_ids))
            AND ($3 <> 'supervisor' OR NOT ${activeAssignmentExists('s')} OR ${activeAssignmentExists('s', 'u.user_id')})
          GROUP BY s ORDER BY s`,
        [schoolIds, regionId, role],
      );
      const short = rows.filter((r) => r.members < needed);
      if (short.length > 0) {
        const what = stage === 'report' ? `the quorum needs ${needed} active ${role} members` : `${needed} ${role} approvals are needed`;
        throw new ApiError(422, code, `${what}; ${short.map((s) => `${s.school_id} has ${s.members}`).join(', ')}.`, {
          details: { stage, role, needed, schools: short.map((s) => ({ schoolId: s.school_id, members: s.members })) },
        });
      }
    }
  }
}
