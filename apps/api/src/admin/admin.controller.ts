import { Body, Controller, Inject, Param } from '@nestjs/common';
import type { z } from 'zod';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import * as S from '../routes/route-schemas';
import { AdminDirectoryUseCase } from './admin-directory.usecase';

@Controller()
export class AdminController {
  constructor(@Inject(AdminDirectoryUseCase) private readonly directory: AdminDirectoryUseCase) {}

  @Route(ROUTES.listRegions)
  regions() {
    return this.directory.regions();
  }

  @Route(ROUTES.createRegion)
  createRegion(@Body(new ZodPipe(S.CreateRegionBodySchema)) b: z.infer<typeof S.CreateRegionBodySchema>) {
    return this.directory.createRegion(b);
  }

  @Route(ROUTES.listSchools)
  schools() {
    return this.directory.schools();
  }

  @Route(ROUTES.createSchool)
  createSchool(@Body(new ZodPipe(S.CreateSchoolBodySchema)) b: z.infer<typeof S.CreateSchoolBodySchema>) {
    return this.directory.createSchool(b);
  }

  @Route(ROUTES.listUsers)
  users() {
    return this.directory.users();
  }

  @Route(ROUTES.createUser)
  createUser(@Body(new ZodPipe(S.CreateUserBodySchema)) b: z.infer<typeof S.CreateUserBodySchema>) {
    return this.directory.createUser(b);
  }

  @Route(ROUTES.updateUser)
  updateUser(@Param('userId', new ZodPipe(S.PathIdSchema)) userId: string, @Body(new ZodPipe(S.UpdateUserBodySchema)) b: z.infer<typeof S.UpdateUserBodySchema>) {
    return this.directory.updateUser(userId, b);
  }
}
