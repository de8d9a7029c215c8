import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { notFound } from '../common/api-error';
import { EvidenceStorage } from '../evidence/evidence-storage';
import { CampaignsRepository } from './campaigns.repository';
import { clusterDetailView, dashboardView, summaryView } from './campaign.view';

/** The campaign reads: list, dashboard, cluster, meeting photo. All answer 404 outside the caller's scope. */
@Injectable()
export class ReadCampaignsUseCase {
  constructor(
    @Inject(CampaignsRepository) private readonly campaigns: CampaignsRepository,
    @Inject(EvidenceStorage) private readonly storage: EvidenceStorage,
  ) {}

  async list(actor: Actor) {
    const rows = await this.campaigns.listVisible(actor);
    const progress = await this.campaigns.progress(rows.map((r) => r.campaign_id));
    return { items: rows.map((r) => summaryView(r, progress.get(r.campaign_id))) };
  }

  async dashboard(actor: Actor, campaignId: string) {
    const campaign = await this.campaigns.findVisible(campaignId, actor);
    if (!campaign) throw notFound('campaign');
    return dashboardView(campaign, await this.campaigns.clusters(campaignId), new Date());
  }

  async cluster(actor: Actor, campaignId: string, clusterId: string) {
    const view = clusterDetailView((await this.visibleCluster(actor, campaignId, clusterId)).state, actor, new Date());
    const npsn = await this.campaigns.npsnOf(view.schools.map((s) => s.schoolId));
    return { ...view, schools: view.schools.map((s) => ({ ...s, npsn: npsn.get(s.schoolId) ?? null })) };
  }

  /** A photo is served only as part of the documented meeting that references it. */
  async photo(actor: Actor, campaignId: string, clusterId: string, number: number, sha256: string) {
    const cluster = await this.visibleCluster(actor, campaignId, clusterId);
    const meta = cluster.state.meetings.find((m) => m.number === number)?.documentation?.photos.find((p) => p.sha256 === sha256);
    const file = meta && (await this.storage.open(sha256));
    if (!meta || !file) throw notFound('photo');
    return { ...file, filename: meta.filename, mimeType: meta.mimeType };
  }

  private async visibleCluster(actor: Actor, campaignId: string, clusterId: string) {
    const cluster = (await this.campaigns.findVisible(campaignId, actor)) && (await this.campaigns.cluster(campaignId, clusterId));
    if (!cluster) throw notFound('cluster');
    return cluster;
  }
}
