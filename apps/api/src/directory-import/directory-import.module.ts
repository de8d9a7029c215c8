import { Module } from '@nestjs/common';
import { EvidenceUploadInterceptor } from '../evidence/evidence-upload.interceptor';
import { GovernanceModule } from '../governance/governance.module';
import { DirectoryImportController } from './directory-import.controller';
import { ImportDirectoryUseCase } from './import-directory.usecase';

/** Bulk imports of regions, schools and users (Dapodik layouts) by an admin. */
@Module({ imports: [GovernanceModule], controllers: [DirectoryImportController], providers: [ImportDirectoryUseCase, EvidenceUploadInterceptor] })
export class DirectoryImportModule {}
