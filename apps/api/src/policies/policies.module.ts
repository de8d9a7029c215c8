import { Module } from '@nestjs/common';
import { GovernanceModule } from '../governance/governance.module';
import { GetApprovalPoliciesUseCase } from './get-approval-policies.usecase';
import { PoliciesController } from './policies.controller';
import { SetApprovalPolicyUseCase } from './set-approval-policy.usecase';

@Module({ imports: [GovernanceModule], controllers: [PoliciesController], providers: [GetApprovalPoliciesUseCase, SetApprovalPolicyUseCase] })
export class PoliciesModule {}
