import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { notFound } from '../common/api-error';
import { CampaignsRepository } from './campaigns.repository';
import { clusterDetailView, dashboardView, summaryView } from './campaign.view';

/** The three campaign reads: list, dashboard, cluster. All answer 404 outside the caller's scope. */
@Injectable()
export class ReadCampaignsUseCase {
  constructor(@Inject(CampaignsRepository) private readonly campaigns: CampaignsRepository) {}

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
    if (!(await this.campaigns.findVisible(campaignId, actor))) throw notFound('campaign');
    const cluster = await this.campaigns.cluster(campaignId, clusterId);
    if (!cluster) throw notFound('cluster');
    return clusterDetailView(cluster.state, actor, new Date());
  }
}
