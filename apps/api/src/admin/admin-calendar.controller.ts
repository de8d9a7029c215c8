import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { PathYearSchema } from '../routes/route-schemas';
import {
  DaysOffQuerySchema, DeadlinePolicyQuerySchema, SetDeadlinePolicyBodySchema,
  type DaysOffQuery, type DeadlinePolicyQuery, type SetDeadlinePolicyBody,
} from './admin-console.schemas';
import { AdminCalendarUseCase } from './admin-calendar.usecase';

@Controller()
export class AdminCalendarController {
  constructor(@Inject(AdminCalendarUseCase) private readonly calendar: AdminCalendarUseCase) {}

  @Route(ROUTES.listDaysOff)
  daysOff(@Query(new ZodPipe(DaysOffQuerySchema)) q: DaysOffQuery) {
    return this.calendar.daysOff(q);
  }

  @Route(ROUTES.listNationalDaysOffYears)
  decreeYears() {
    return this.calendar.decreeYears();
  }

  @Route(ROUTES.seedNationalDaysOff)
  seed(@CurrentActor() actor: Actor, @Param('year', new ZodPipe(PathYearSchema)) year: number) {
    return this.calendar.seedYear(actor, year);
  }

  @Route(ROUTES.getDeadlinePolicy)
  policy(@Query(new ZodPipe(DeadlinePolicyQuerySchema)) q: DeadlinePolicyQuery) {
    return this.calendar.deadlinePolicy(q);
  }

  @Route(ROUTES.setDeadlinePolicy)
  setPolicy(@CurrentActor() actor: Actor, @Body(new ZodPipe(SetDeadlinePolicyBodySchema)) body: SetDeadlinePolicyBody) {
    return this.calendar.setDeadlinePolicy(actor, body);
  }
}
