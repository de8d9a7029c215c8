import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { PathIdSchema } from '../routes/route-schemas';
import { ROUTES } from '../routes/route-table';
import { SchoolSupervisorsQuerySchema, SetSchoolSupervisorsBodySchema, type SchoolSupervisorsQuery, type SetSchoolSupervisorsBody } from './school-supervisors.schemas';
import { SchoolSupervisorsUseCases } from './school-supervisors.usecases';

@Controller()
export class SchoolsController {
  constructor(@Inject(SchoolSupervisorsUseCases) private readonly supervisors: SchoolSupervisorsUseCases) {}

  @Route(ROUTES.listSchoolSupervisors)
  list(@CurrentActor() actor: Actor, @Query(new ZodPipe(SchoolSupervisorsQuerySchema)) q: SchoolSupervisorsQuery) {
    return this.supervisors.list(actor, q.regionId);
  }

  @Route(ROUTES.setSchoolSupervisors)
  set(
    @CurrentActor() actor: Actor,
    @Param('schoolId', new ZodPipe(PathIdSchema)) schoolId: string,
    @Body(new ZodPipe(SetSchoolSupervisorsBodySchema)) body: SetSchoolSupervisorsBody,
  ) {
    return this.supervisors.set(actor, schoolId, body);
  }
}
