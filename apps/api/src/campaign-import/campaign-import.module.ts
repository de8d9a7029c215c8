import { Module } from '@nestjs/common';
import { EvidenceUploadInterceptor } from '../evidence/evidence-upload.interceptor';
import { CampaignImportController } from './campaign-import.controller';
import { ImportCampaignUseCase } from './import-campaign.usecase';

@Module({ controllers: [CampaignImportController], providers: [ImportCampaignUseCase, EvidenceUploadInterceptor] })
export class CampaignImportModule {}
