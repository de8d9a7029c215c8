import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { AuditAccess } from './audit-access.service';
import { auditSigningKeyProvider } from './audit-signing-key.provider';
import { AuditController } from './audit.controller';
import { ExportBundleUseCase } from './export-bundle.usecase';
import { GetStateAtUseCase } from './get-state-at.usecase';
import { GetTimelineUseCase } from './get-timeline.usecase';
import { ListAuditEventsUseCase } from './list-audit-events.usecase';
import { VerifyProgramUseCase } from './verify-program.usecase';

/** Read-only audit of programs: history, state at any point, chain verification, export. */
@Module({
  imports: [ProgramsModule],
  controllers: [AuditController],
  providers: [
    auditSigningKeyProvider,
    AuditAccess,
    ListAuditEventsUseCase,
    GetTimelineUseCase,
    GetStateAtUseCase,
    VerifyProgramUseCase,
    ExportBundleUseCase,
  ],
})
export class AuditModule {}
