import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module';
import { CalendarController } from './calendar.controller';
import { EditDaysOffUseCase } from './days-off.usecases';
import { GetSchoolCalendarUseCase } from './get-school-calendar.usecase';

@Module({ imports: [AdminModule], controllers: [CalendarController], providers: [GetSchoolCalendarUseCase, EditDaysOffUseCase] })
export class CalendarModule {}
