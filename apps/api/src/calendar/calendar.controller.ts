import { Body, Controller, Inject, Param } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { DayOffIdSchema, EditDaysOffUseCase, NewDayOffBodySchema, type NewDayOffBody } from './days-off.usecases';
import { GetSchoolCalendarUseCase, SchoolYearParamsSchema, type SchoolYearParams } from './get-school-calendar.usecase';

@Controller()
export class CalendarController {
  constructor(
    @Inject(GetSchoolCalendarUseCase) private readonly calendar: GetSchoolCalendarUseCase,
    @Inject(EditDaysOffUseCase) private readonly daysOff: EditDaysOffUseCase,
  ) {}

  @Route(ROUTES.schoolCalendar)
  get(@CurrentActor() actor: Actor, @Param(new ZodPipe(SchoolYearParamsSchema)) params: SchoolYearParams) {
    return this.calendar.execute(actor, params);
  }

  @Route(ROUTES.addDayOff)
  add(@CurrentActor() actor: Actor, @Body(new ZodPipe(NewDayOffBodySchema)) body: NewDayOffBody) {
    return this.daysOff.add(actor, body);
  }

  @Route(ROUTES.removeDayOff)
  async remove(@CurrentActor() actor: Actor, @Param('id', new ZodPipe(DayOffIdSchema)) id: string): Promise<void> {
    await this.daysOff.remove(actor, id);
  }
}
