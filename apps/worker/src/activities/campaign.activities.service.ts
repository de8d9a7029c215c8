import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { computeMeetingSchedule, type MeetingScheduleItem } from '@mutu/calendar';
import { DaysOffRepository, HolidaysRepository } from '@mutu/persistence';
import type { ComputeMeetingScheduleInput } from '@mutu/workflows';

/** The meeting schedule of a mentoring cluster, from stored holidays and days off (data, not code). */
@Injectable()
export class CampaignActivitiesService {
  private readonly holidays: HolidaysRepository;
  private readonly daysOff: DaysOffRepository;

  constructor(@Inject(DataSource) ds: DataSource) {
    this.holidays = new HolidaysRepository(ds);
    this.daysOff = new DaysOffRepository(ds);
  }

  async computeMeetingSchedule(input: ComputeMeetingScheduleInput): Promise<MeetingScheduleItem[]> {
    const years = [...new Set(input.meetings.flatMap((m) => [Number(m.plannedDate.slice(0, 4)), Number(m.plannedDate.slice(0, 4)) + 1]))];
    const [holidays, daysOff] = await Promise.all([
      this.holidays.forYears(years),
      this.daysOff.forSchool({ schoolId: input.schoolId, regionId: input.regionId }, years),
    ]);
    return computeMeetingSchedule({
      timeZone: input.timeZone,
      meetings: input.meetings,
      calendar: { holidays: holidays.map((h) => h.date), extraDaysOff: daysOff.map((d) => d.date) },
    });
  }
}
