import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  computeStageSchedule,
  flattenSchedule,
  STAGES,
  type DeadlinePolicy,
  type Stage,
  type StageScheduleInput,
} from '@mutu/calendar';
import { DaysOffRepository, DeadlinePoliciesRepository, DeadlinesRepository, HolidaysRepository } from '@mutu/persistence';
import {
  scheduleFactsOf,
  type ComputeStageScheduleInput,
  type ComputeStageScheduleResult,
  type DeadlineActivities,
  type LegacyComputeStageScheduleInput,
  type ScheduleFacts,
} from '@mutu/workflows';

const isCalendarStage = (s: string): s is Stage => (STAGES as readonly string[]).includes(s);

/**
 * Computes a stage's deadline schedule from data (stored holidays, days off, the program's policy
 * version) with `@mutu/calendar`, outside the workflow, and keeps the `deadlines` read model.
 */
@Injectable()
export class DeadlineActivitiesService implements DeadlineActivities {
  private readonly holidays: HolidaysRepository;
  private readonly daysOff: DaysOffRepository;
  private readonly policies: DeadlinePoliciesRepository;
  private readonly deadlines: DeadlinesRepository;

  constructor(@Inject(DataSource) ds: DataSource) {
    this.holidays = new HolidaysRepository(ds);
    this.daysOff = new DaysOffRepository(ds);
    this.policies = new DeadlinePoliciesRepository(ds);
    this.deadlines = new DeadlinesRepository(ds);
  }

  async computeStageSchedule(input: ComputeStageScheduleInput | LegacyComputeStageScheduleInput): Promise<ComputeStageScheduleResult> {
    // Runs recorded before the slim input send the whole state, and may still retry with it.
    const facts = 'facts' in input ? input.facts : scheduleFactsOf(input.state);
    const policy = await this.policyFor(input.policyVersion, facts.regionId);
    if (!isCalendarStage(facts.stage)) {
      await this.deadlines.clearProgram(input.programId);
      return { policyVersion: policy.version, stage: facts.stage, items: [] };
    }
    const scheduleInput = await this.scheduleInput(input.programId, facts, policy);
    const schedule = computeStageSchedule(scheduleInput);
    await this.deadlines.replaceForProgram(schedule, { schoolId: facts.schoolId, budgetYear: facts.budgetYear });
    return { policyVersion: policy.version, stage: facts.stage, items: flattenSchedule(schedule) };
  }

  /** A program keeps the version it started on; a new one takes its region's newest (or the general one). */
  private async policyFor(version: number | undefined, regionId: string): Promise<DeadlinePolicy> {
    if (version === undefined) return this.policies.latest(regionId);
    const policy = await this.policies.get(version);
    if (!policy) throw new Error(`deadline policy version ${version} is missing`);
    return policy;
  }

  /** The calendar input for one program's current stage. */
  private async scheduleInput(programId: string, facts: ScheduleFacts, policy: DeadlinePolicy): Promise<StageScheduleInput> {
    const years = [facts.budgetYear, facts.budgetYear + 1];
    const [holidays, daysOff] = await Promise.all([
      this.holidays.forYears(years),
      this.daysOff.forSchool({ schoolId: facts.schoolId, regionId: facts.regionId }, years),
    ]);
    const stage = facts.stage as Stage;
    return {
      programId,
      stage,
      budgetYear: facts.budgetYear,
      timeZone: facts.timeZone,
      stageStartedAt: facts.stageStartedAt,
      policy,
      activities: facts.activities,
      ...(stage === 'report' && facts.reportSubmittedAt ? { submittedAt: facts.reportSubmittedAt } : {}),
      extensions: facts.extensions
        .filter((e) => isCalendarStage(e.stage))
        .map((e) => ({ stage: e.stage as Stage, ...(e.activityId ? { activityId: e.activityId } : {}), newDueDate: e.newDueDate })),
      calendar: { holidays: holidays.map((h) => h.date), extraDaysOff: daysOff.map((d) => d.date) },
    };
  }
}
