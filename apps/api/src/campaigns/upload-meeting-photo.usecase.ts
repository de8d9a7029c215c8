import { Inject, Injectable } from '@nestjs/common';
import { clusterRoleOf, type Actor, type EvidenceFile } from '@mutu/domain';
import { ApiError, notFound } from '../common/api-error';
import { checkUpload, type UploadedFile } from '../evidence/checked-upload';
import { EvidenceStorage } from '../evidence/evidence-storage';
import { CampaignsRepository } from './campaigns.repository';

const TEAM = new Set(['organiser', 'trainer', 'agency_staff', 'supervisor', 'principal']);

/**
 * Stores a meeting photo by its SHA-256 and answers its metadata; the documentation then refers
 * to it, so the workflow only ever sees the hash. Only the cluster's team may upload.
 */
@Injectable()
export class UploadMeetingPhotoUseCase {
  constructor(
    @Inject(CampaignsRepository) private readonly campaigns: CampaignsRepository,
    @Inject(EvidenceStorage) private readonly storage: EvidenceStorage,
  ) {}

  async execute(actor: Actor, campaignId: string, clusterId: string, number: number, file: UploadedFile | undefined): Promise<EvidenceFile> {
    const cluster = (await this.campaigns.findVisible(campaignId, actor)) && (await this.campaigns.cluster(campaignId, clusterId));
    if (!cluster) throw notFound('cluster');
    if (!cluster.state.meetings.some((m) => m.number === number)) throw notFound('meeting');
    const role = clusterRoleOf(actor, cluster.state);
    if (!role || !TEAM.has(role)) throw new ApiError(403, 'FORBIDDEN_ROLE', "Only the cluster's mentoring team may add meeting photos.");
    const upload = checkUpload(file);
    if (!upload.mimeType.startsWith('image/')) {
      throw new ApiError(415, 'PHOTO_REQUIRED', `A meeting photo must be a PNG or JPEG image, not ${upload.mimeType}.`, { details: { detected: upload.mimeType } });
    }
    await this.storage.put(upload.buffer);
    return { sha256: upload.sha256, kind: 'photo', filename: upload.filename, size: upload.size, mimeType: upload.mimeType };
  }
}
