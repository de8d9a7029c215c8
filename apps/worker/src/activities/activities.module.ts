import { Module } from '@nestjs/common';
import { CampaignActivitiesService } from './campaign.activities.service';
import { DeadlineActivitiesService } from './deadline.activities.service';
import { ProgramActivitiesService } from './program.activities.service';

@Module({
  providers: [ProgramActivitiesService, DeadlineActivitiesService, CampaignActivitiesService],
  exports: [ProgramActivitiesService, DeadlineActivitiesService, CampaignActivitiesService],
})
export class ActivitiesModule {}
