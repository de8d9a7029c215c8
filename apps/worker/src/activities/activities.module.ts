import { Module } from '@nestjs/common';
import { ProgramActivitiesService } from './program.activities.service';

@Module({ providers: [ProgramActivitiesService], exports: [ProgramActivitiesService] })
export class ActivitiesModule {}
