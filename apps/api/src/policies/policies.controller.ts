import { Body, Controller, Inject, Query } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { GetApprovalPoliciesUseCase } from './get-approval-policies.usecase';
import { ApprovalPoliciesQuerySchema, SetApprovalPolicyBodySchema, type ApprovalPoliciesQuery, type SetApprovalPolicyBody } from './policy.schemas';
import { SetApprovalPolicyUseCase } from './set-approval-policy.usecase';

@Controller()
export class PoliciesController {
  constructor(
    @Inject(GetApprovalPoliciesUseCase) private readonly getPolicies: GetApprovalPoliciesUseCase,
    @Inject(SetApprovalPolicyUseCase) private readonly setPolicy: SetApprovalPolicyUseCase,
  ) {}

  @Route(ROUTES.getApprovalPolicies)
  get(@CurrentActor() actor: Actor, @Query(new ZodPipe(ApprovalPoliciesQuerySchema)) query: ApprovalPoliciesQuery) {
    return this.getPolicies.execute(actor, query.regionId);
  }

  @Route(ROUTES.setApprovalPolicy)
  set(@CurrentActor() actor: Actor, @Body(new ZodPipe(SetApprovalPolicyBodySchema)) body: SetApprovalPolicyBody) {
    return this.setPolicy.execute(actor, body);
  }
}
