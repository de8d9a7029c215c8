import { Module } from '@nestjs/common';
import { DeadlineActivitiesService } from './deadline.activities.service';
import { ProgramActivitiesService } from './program.activities.service';

@Module({
  providers: [ProgramActivitiesService, DeadlineActivitiesService],
  exports: [ProgramActivitiesService, DeadlineActivitiesService],
})
export class ActivitiesModule {}
