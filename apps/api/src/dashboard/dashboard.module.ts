import { Module } from '@nestjs/common';
import { BospModule } from '../bosp/bosp.module';
import { DashboardController } from './dashboard.controller';
import { GetRegionDashboardUseCase } from './get-region-dashboard.usecase';

@Module({
  imports: [BospModule],
  controllers: [DashboardController],
  providers: [GetRegionDashboardUseCase],
})
export class DashboardModule {}
