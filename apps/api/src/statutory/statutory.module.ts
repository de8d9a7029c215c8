import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module';
import { ListStatutoryDeadlinesUseCase } from './list-statutory-deadlines.usecase';
import { RecordStatutorySubmissionUseCase } from './record-statutory-submission.usecase';
import { SchoolReportingGateway } from './school-reporting-gateway.service';
import { StatutoryController } from './statutory.controller';

@Module({
  imports: [EvidenceModule],
  controllers: [StatutoryController],
  providers: [SchoolReportingGateway, ListStatutoryDeadlinesUseCase, RecordStatutorySubmissionUseCase],
})
export class StatutoryModule {}
