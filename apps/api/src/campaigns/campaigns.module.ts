import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { CampaignGateway } from './campaign-gateway.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsRepository } from './campaigns.repository';
import { ReadCampaignsUseCase } from './read-campaigns.usecase';
import { SendClusterCommandUseCase } from './send-cluster-command.usecase';
import { UploadMeetingPhotoUseCase } from './upload-meeting-photo.usecase';

@Module({
  imports: [IdempotencyModule, EvidenceModule],
  controllers: [CampaignsController],
  providers: [CampaignGateway, CampaignsRepository, ReadCampaignsUseCase, SendClusterCommandUseCase, UploadMeetingPhotoUseCase],
  exports: [CampaignsRepository],
})
export class CampaignsModule {}
