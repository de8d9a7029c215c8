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
import type { Program } from '@mutu/domain';
import type { ComputeStageScheduleInput, ComputeStageScheduleResult, DeadlineActivities } from '@mutu/workflows';

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

  async computeStageSchedule(input: ComputeStageScheduleInput): Promise<ComputeStageScheduleResult> {
    const program = input.state;
    const policy = await this.policyFor(input.policyVersion);
    if (!isCalendarStage(program.stage)) {
      await this.deadlines.clearProgram(input.programId);
      return { policyVersion: policy.version, stage: program.stage, items: [] };
    }
    const scheduleInput = await this.scheduleInput(input.programId, program, policy);
    const schedule = computeStageSchedule(scheduleInput);
    await this.deadlines.replaceForProgram(schedule, { schoolId: program.schoolId, budgetYear: program.budgetYear });
    return { policyVersion: policy.version, stage: program.stage, items: flattenSchedule(schedule) };
  }

  private async policyFor(version: number | undefined): Promise<DeadlinePolicy> {
    if (version === undefined) return this.policies.latest();
    const policy = await this.policies.get(version);
    if (!policy) throw new Error(`deadline policy version ${version} is missing`);
    return policy;
  }

  /** The calendar input for one program's current stage (also used by the API's calendar view). */
  async scheduleInput(programId: string, program: Program, policy: DeadlinePolicy): Promise<StageScheduleInput> {
    const years = [program.budgetYear, program.budgetYear + 1];
    const [holidays, daysOff] = await Promise.all([
      this.holidays.forYears(years),
      this.daysOff.forSchool({ schoolId: program.schoolId, regionId: program.regionId }, years),
    ]);
    const stage = program.stage as Stage;
    const enteredAt = program.stageHistory[program.stageHistory.length - 1]?.enteredAt ?? program.createdAt;
    return {
      programId,
      stage,
      budgetYear: program.budgetYear,
      timeZone: program.timeZone,
      stageStartedAt: enteredAt,
      policy,
      activities: program.plan.activities.map((a) => ({
        id: a.id,
        window: a.window,
        status: a.status,
        ...(a.execution ? { actualEnd: a.execution.actualEnd } : {}),
      })),
      ...(stage === 'report' && program.report.sha256 !== null && program.report.submittedAt
        ? { submittedAt: program.report.submittedAt }
        : {}),
      extensions: program.deadlineExtensions
        .filter((e) => isCalendarStage(e.stage))
        .map((e) => ({ stage: e.stage as Stage, ...(e.activityId ? { activityId: e.activityId } : {}), newDueDate: e.newDueDate })),
      calendar: { holidays: holidays.map((h) => h.date), extraDaysOff: daysOff.map((d) => d.date) },
    };
  }
}
