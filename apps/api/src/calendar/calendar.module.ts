import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { EditDaysOffUseCase } from './days-off.usecases';
import { GetSchoolCalendarUseCase } from './get-school-calendar.usecase';

@Module({ controllers: [CalendarController], providers: [GetSchoolCalendarUseCase, EditDaysOffUseCase] })
export class CalendarModule {}
