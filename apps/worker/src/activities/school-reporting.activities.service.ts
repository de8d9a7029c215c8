import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { computeStatutorySchedule, statutoryDueDates } from '@mutu/calendar';
import { DaysOffRepository, DeadlinePoliciesRepository, HolidaysRepository } from '@mutu/persistence';
import type { ComputeStatutoryScheduleInput, ComputeStatutoryScheduleResult } from '@mutu/workflows';

/**
 * The statutory report schedule of one school's budget year, from stored holidays, the school's
 * days off and the latest deadline policy's reminder offsets and escalation chain (data, not code).
 */
@Injectable()
export class SchoolReportingActivitiesService {
  private readonly holidays: HolidaysRepository;
  private readonly daysOff: DaysOffRepository;
  private readonly policies: DeadlinePoliciesRepository;

  constructor(@Inject(DataSource) ds: DataSource) {
    this.holidays = new HolidaysRepository(ds);
    this.daysOff = new DaysOffRepository(ds);
    this.policies = new DeadlinePoliciesRepository(ds);
  }

  async computeStatutorySchedule(input: ComputeStatutoryScheduleInput): Promise<ComputeStatutoryScheduleResult> {
    // The annual report and its escalations fall in the next calendar year.
    const years = [input.budgetYear, input.budgetYear + 1];
    const [holidays, daysOff, policy] = await Promise.all([
      this.holidays.forYears(years),
      this.daysOff.forSchool({ schoolId: input.schoolId, regionId: input.regionId }, years),
      this.policies.latest(),
    ]);
    const items = computeStatutorySchedule({
      budgetYear: input.budgetYear,
      timeZone: input.timeZone,
      holidays: holidays.map((h) => h.date),
      extraDaysOff: daysOff.map((d) => d.date),
      policy,
      reports: input.reports,
    });
    return { dueDates: statutoryDueDates(input.budgetYear), items };
  }
}
