import { Inject, Injectable } from '@nestjs/common';
import { APPROVAL_POLICY_SET, policyInForce, policyStreamId, type ApprovalPolicySet, type PolicyInForce } from '@mutu/domain';
import { GovernanceLog } from './governance-log';

export interface PolicyVersion extends ApprovalPolicySet {
  version: number;
}

/** Reads a region's policy stream: the policy a new program takes, and every version set. */
@Injectable()
export class ApprovalPolicyReader {
  constructor(@Inject(GovernanceLog) private readonly log: GovernanceLog) {}

  async inForce(regionId: string, schoolId: string): Promise<PolicyInForce> {
    return policyInForce(await this.log.read(policyStreamId(regionId)), regionId, schoolId);
  }

  async versions(regionId: string): Promise<PolicyVersion[]> {
    const events = await this.log.read(policyStreamId(regionId));
    return events
      .filter((e) => e.type === APPROVAL_POLICY_SET)
      .map((e) => ({ ...(e.data as ApprovalPolicySet), version: e.version }));
  }
}
