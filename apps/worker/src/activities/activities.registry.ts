import type { INestApplicationContext } from '@nestjs/common';
import { AuditActivitiesService } from './audit.activities.service';
import { CampaignActivitiesService } from './campaign.activities.service';
import { DeadlineActivitiesService } from './deadline.activities.service';
import { ProgramActivitiesService } from './program.activities.service';
import { SchoolReportingActivitiesService } from './school-reporting.activities.service';

/**
 * The one place activities are taken from the Nest container and handed to the Temporal worker.
 * Methods are bound so `this` is the injected service.
 */
export function buildActivities(app: INestApplicationContext) {
  const program = app.get(ProgramActivitiesService);
  return {
    appendEvents: program.appendEvents.bind(program),
    ...deadlineActivities(app),
    ...campaignActivities(app),
    ...auditActivities(app),
    ...schoolReportingActivities(app),
  };
}

function deadlineActivities(app: INestApplicationContext) {
  const deadlines = app.get(DeadlineActivitiesService);
  return { computeStageSchedule: deadlines.computeStageSchedule.bind(deadlines) };
}

function campaignActivities(app: INestApplicationContext) {
  const campaigns = app.get(CampaignActivitiesService);
  return { computeMeetingSchedule: campaigns.computeMeetingSchedule.bind(campaigns) };
}

function auditActivities(app: INestApplicationContext) {
  const audit = app.get(AuditActivitiesService);
  return { publishCheckpoint: audit.publishCheckpoint.bind(audit), archiveClosedRuns: audit.archiveClosedRuns.bind(audit) };
}

function schoolReportingActivities(app: INestApplicationContext) {
  const reporting = app.get(SchoolReportingActivitiesService);
  return { computeStatutorySchedule: reporting.computeStatutorySchedule.bind(reporting) };
}
