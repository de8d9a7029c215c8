import { Module } from '@nestjs/common';
import { AuditActivitiesService } from './audit.activities.service';
import { CampaignActivitiesService } from './campaign.activities.service';
import { CheckpointScheduleService } from './checkpoint-schedule.service';
import { DeadlineActivitiesService } from './deadline.activities.service';
import { ProgramActivitiesService } from './program.activities.service';

@Module({
  providers: [ProgramActivitiesService, DeadlineActivitiesService, CampaignActivitiesService, AuditActivitiesService, CheckpointScheduleService],
  exports: [ProgramActivitiesService, DeadlineActivitiesService, CampaignActivitiesService, AuditActivitiesService, CheckpointScheduleService],
})
export class ActivitiesModule {}
