import { Module } from '@nestjs/common';
import { BospModule } from '../bosp/bosp.module';
import { DashboardAnswerCache } from './dashboard-answer-cache';
import { DashboardController } from './dashboard.controller';
import { GetRegionDashboardUseCase } from './get-region-dashboard.usecase';

@Module({
  imports: [BospModule],
  controllers: [DashboardController],
  providers: [GetRegionDashboardUseCase, DashboardAnswerCache],
})
export class DashboardModule {}
