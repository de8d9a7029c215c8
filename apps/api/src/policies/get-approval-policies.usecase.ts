import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_APPROVAL_POLICY, hasRole, policyInForce, type Actor } from '@mutu/domain';
import { DataSource } from 'typeorm';
import { ApprovalPolicyReader } from '../governance/approval-policy.reader';
import { visibleRegion } from './region-access';

/** Approval policies: what each school's new programs take now, and every version set, per region. */
@Injectable()
export class GetApprovalPoliciesUseCase {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(ApprovalPolicyReader) private readonly policies: ApprovalPolicyReader,
  ) {}

  async execute(actor: Actor, regionId?: string) {
    const regionIds = regionId ? [regionId] : await this.visibleRegionIds(actor);
    const regions = [];
    for (const id of regionIds) regions.push(await this.region(actor, id));
    return { default: DEFAULT_APPROVAL_POLICY, defaultSource: 'DEFAULT_APPROVAL_POLICY in @mutu/domain; see docs/approval-policy.md', regions };
  }

  private async region(actor: Actor, regionId: string) {
    const schools = await visibleRegion(this.ds, actor, regionId, { edit: false });
    const versions = await this.policies.versions(regionId);
    const events = versions.map((v) => ({ version: v.version, type: 'ApprovalPolicySet', data: v }));
    return {
      regionId,
      schools: schools.map((s) => ({ ...s, inForce: policyInForce(events, regionId, s.schoolId) })),
      versions: versions.map((v) => ({ version: v.version, schoolId: v.schoolId, policy: v.policy, reason: v.reason, by: v.by, role: v.role, at: v.at })),
    };
  }

  private async visibleRegionIds(actor: Actor): Promise<string[]> {
    const rows: { region_id: string }[] = hasRole(actor, 'admin')
      ? await this.ds.query('SELECT region_id FROM regions ORDER BY region_id')
      : await this.ds.query(
          `SELECT DISTINCT r.region_id FROM regions r LEFT JOIN schools s ON s.region_id = r.region_id
            WHERE r.region_id = ANY($1::text[]) OR s.school_id = ANY($2::text[]) ORDER BY r.region_id`,
          [actor.regionIds, actor.schoolIds],
        );
    return rows.map((r) => r.region_id);
  }
}
