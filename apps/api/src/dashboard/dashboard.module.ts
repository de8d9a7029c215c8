import { Module } from '@nestjs/common';
import { BospModule } from '../bosp/bosp.module';
import { ProgramsModule } from '../programs/programs.module';
import { DashboardController } from './dashboard.controller';
import { GetRegionDashboardUseCase } from './get-region-dashboard.usecase';

@Module({
  imports: [BospModule, ProgramsModule],
  controllers: [DashboardController],
  providers: [GetRegionDashboardUseCase],
})
export class DashboardModule {}
