import { Body, Controller, Inject, Param } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import type { z } from 'zod';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import * as S from '../routes/route-schemas';
import { AdminActions } from './admin-actions.service';
import { AdminDirectoryUseCase } from './admin-directory.usecase';

@Controller()
export class AdminController {
  constructor(
    @Inject(AdminDirectoryUseCase) private readonly directory: AdminDirectoryUseCase,
    @Inject(AdminActions) private readonly actions: AdminActions,
  ) {}

  @Route(ROUTES.listRegions)
  regions() {
    return this.directory.regions();
  }

  @Route(ROUTES.createRegion)
  createRegion(@CurrentActor() actor: Actor, @Body(new ZodPipe(S.CreateRegionBodySchema)) b: z.infer<typeof S.CreateRegionBodySchema>) {
    return this.actions.createRegion(actor, b);
  }

  @Route(ROUTES.listSchools)
  schools() {
    return this.directory.schools();
  }

  @Route(ROUTES.createSchool)
  createSchool(@CurrentActor() actor: Actor, @Body(new ZodPipe(S.CreateSchoolBodySchema)) b: z.infer<typeof S.CreateSchoolBodySchema>) {
    return this.actions.createSchool(actor, b);
  }

  @Route(ROUTES.listUsers)
  users() {
    return this.directory.users();
  }

  @Route(ROUTES.createUser)
  createUser(@CurrentActor() actor: Actor, @Body(new ZodPipe(S.CreateUserBodySchema)) b: z.infer<typeof S.CreateUserBodySchema>) {
    return this.actions.createUser(actor, b);
  }

  @Route(ROUTES.updateUser)
  updateUser(
    @CurrentActor() actor: Actor,
    @Param('userId', new ZodPipe(S.PathIdSchema)) userId: string,
    @Body(new ZodPipe(S.UpdateUserBodySchema)) b: z.infer<typeof S.UpdateUserBodySchema>,
  ) {
    return this.actions.updateUser(actor, userId, b);
  }
}
