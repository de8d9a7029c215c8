import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { hasRole, type Actor } from '@mutu/domain';
import { DaysOffRepository, DeadlinesRepository, HolidaysRepository } from '@mutu/persistence';
import { notFound } from '../common/api-error';

export const SchoolYearParamsSchema = z.object({
  schoolId: z.string().min(1).max(200),
  year: z.coerce.number().int().min(2000).max(2100),
});
export type SchoolYearParams = z.infer<typeof SchoolYearParamsSchema>;

/** Deadlines (open programs of the school) and days off of one school's budget year. */
@Injectable()
export class GetSchoolCalendarUseCase {
  private readonly holidays: HolidaysRepository;
  private readonly daysOff: DaysOffRepository;
  private readonly deadlines: DeadlinesRepository;

  constructor(@Inject(DataSource) private readonly ds: DataSource) {
    this.holidays = new HolidaysRepository(ds);
    this.daysOff = new DaysOffRepository(ds);
    this.deadlines = new DeadlinesRepository(ds);
  }

  async execute(actor: Actor, { schoolId, year }: SchoolYearParams) {
    const rows: { region_id: string; time_zone: string; name: string }[] = await this.ds.query(
      'SELECT region_id, time_zone, name FROM schools WHERE school_id = $1',
      [schoolId],
    );
    const school = rows[0];
    const inScope = school && (hasRole(actor, 'admin') || actor.schoolIds.includes(schoolId) || actor.regionIds.includes(school.region_id));
    if (!inScope) throw notFound('school');
    const [holidays, daysOff, deadlines] = await Promise.all([
      this.holidays.forYears([year]),
      this.daysOff.forSchool({ schoolId, regionId: school.region_id }, [year]),
      this.deadlines.forSchoolYear(schoolId, year),
    ]);
    return { schoolId, schoolName: school.name, budgetYear: year, timeZone: school.time_zone, holidays, daysOff, deadlines };
  }
}
