import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { CONFIG, type Config } from '@mutu/config';
import { ProgramsModule } from '../programs/programs.module';
import { AttachEvidenceUseCase } from './attach-evidence.usecase';
import { DownloadEvidenceUseCase } from './download-evidence.usecase';
import { EvidenceController } from './evidence.controller';
import { EvidenceStorage, LocalEvidenceStorage } from './evidence-storage';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';

@Module({
  imports: [ProgramsModule],
  controllers: [EvidenceController],
  providers: [
    {
      provide: EvidenceStorage,
      inject: [CONFIG],
      useFactory: (config: Config) => new LocalEvidenceStorage(config.STORAGE_DIR ?? join(config.DATA_DIR, 'evidence')),
    },
    EvidenceUploadInterceptor,
    AttachEvidenceUseCase,
    DownloadEvidenceUseCase,
  ],
  exports: [EvidenceStorage],
})
export class EvidenceModule {}
