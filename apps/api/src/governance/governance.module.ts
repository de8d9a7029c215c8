import { Module } from '@nestjs/common';
import { ApprovalPolicyReader } from './approval-policy.reader';
import { GovernanceAuditController } from './governance-audit.controller';
import { GovernanceTimelineUseCase, VerifyGovernanceUseCase } from './governance-audit.usecases';
import { GovernanceLog } from './governance-log';

/** The governance streams (admin actions, approval policies): written, read and audited here. */
@Module({
  controllers: [GovernanceAuditController],
  providers: [GovernanceLog, ApprovalPolicyReader, GovernanceTimelineUseCase, VerifyGovernanceUseCase],
  exports: [GovernanceLog, ApprovalPolicyReader],
})
export class GovernanceModule {}
