import { Controller, Inject, Query } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { GovernanceTimelineUseCase, VerifyGovernanceUseCase } from './governance-audit.usecases';
import { GovernanceTimelineQuerySchema, type GovernanceTimelineQuery } from './governance.schemas';

@Controller()
export class GovernanceAuditController {
  constructor(
    @Inject(GovernanceTimelineUseCase) private readonly timeline: GovernanceTimelineUseCase,
    @Inject(VerifyGovernanceUseCase) private readonly verifier: VerifyGovernanceUseCase,
  ) {}

  @Route(ROUTES.governanceTimeline)
  get(@CurrentActor() actor: Actor, @Query(new ZodPipe(GovernanceTimelineQuerySchema)) q: GovernanceTimelineQuery) {
    return this.timeline.execute(actor, q);
  }

  @Route(ROUTES.verifyGovernance)
  verify(@CurrentActor() actor: Actor) {
    return this.verifier.execute(actor);
  }
}
