import { Module } from '@nestjs/common';
import { AuditActivitiesService } from './audit.activities.service';
import { CampaignActivitiesService } from './campaign.activities.service';
import { CheckpointScheduleService } from './checkpoint-schedule.service';
import { DeadlineActivitiesService } from './deadline.activities.service';
import { ProgramActivitiesService } from './program.activities.service';
import { SchoolReportingActivitiesService } from './school-reporting.activities.service';

@Module({
  providers: [ProgramActivitiesService, DeadlineActivitiesService, CampaignActivitiesService, AuditActivitiesService, CheckpointScheduleService, SchoolReportingActivitiesService],
  exports: [ProgramActivitiesService, DeadlineActivitiesService, CampaignActivitiesService, AuditActivitiesService, CheckpointScheduleService, SchoolReportingActivitiesService],
})
export class ActivitiesModule {}
