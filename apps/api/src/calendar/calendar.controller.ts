import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { DayOffIdSchema, EditDaysOffUseCase, NewDayOffBodySchema, type NewDayOffBody } from './days-off.usecases';
import { GetSchoolCalendarUseCase, SchoolYearParamsSchema, type SchoolYearParams } from './get-school-calendar.usecase';

@Controller()
export class CalendarController {
  constructor(
    @Inject(GetSchoolCalendarUseCase) private readonly calendar: GetSchoolCalendarUseCase,
    @Inject(EditDaysOffUseCase) private readonly daysOff: EditDaysOffUseCase,
  ) {}

  @Get('calendar/schools/:schoolId/:year')
  get(@CurrentActor() actor: Actor, @Param(new ZodPipe(SchoolYearParamsSchema)) params: SchoolYearParams) {
    return this.calendar.execute(actor, params);
  }

  @Post('admin/days-off')
  @HttpCode(201)
  add(@CurrentActor() actor: Actor, @Body(new ZodPipe(NewDayOffBodySchema)) body: NewDayOffBody) {
    return this.daysOff.add(actor, body);
  }

  @Delete('admin/days-off/:id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', new ZodPipe(DayOffIdSchema)) id: string): Promise<void> {
    await this.daysOff.remove(actor, id);
  }
}
