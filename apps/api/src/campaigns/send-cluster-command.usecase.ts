import { Inject, Injectable } from '@nestjs/common';
import type { Actor, ClusterCommand, ClusterCommandType } from '@mutu/domain';
import { notFound } from '../common/api-error';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { commandIdFor } from '../programs/command-id';
import { CampaignGateway } from './campaign-gateway.service';
import { CampaignsRepository } from './campaigns.repository';
import { clusterDetailView } from './campaign.view';

export interface SendClusterCommandInput<T extends ClusterCommandType> {
  actor: Actor;
  campaignId: string;
  clusterId: string;
  type: T;
  request: { method: string; route: string; params: Record<string, string>; body: unknown };
  idempotencyKey?: string;
  payload: Extract<ClusterCommand, { type: T }>['payload'];
}

/**
 * Every cluster mutation: key → command id, scope (404 outside it), then the stored response of a
 * repeat or one Update to the cluster's workflow, answered with the cluster as it now is.
 */
@Injectable()
export class SendClusterCommandUseCase {
  constructor(
    @Inject(CampaignGateway) private readonly gateway: CampaignGateway,
    @Inject(CampaignsRepository) private readonly campaigns: CampaignsRepository,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
  ) {}

  async execute<T extends ClusterCommandType>(input: SendClusterCommandInput<T>) {
    const { actor, campaignId, clusterId, type, request } = input;
    if (!(await this.campaigns.findVisible(campaignId, actor)) || !(await this.campaigns.cluster(campaignId, clusterId))) throw notFound('cluster');
    const commandId = commandIdFor(actor.userId, input.idempotencyKey, `cluster.${type}`);
    const fingerprint = this.idempotency.fingerprint(request.method, request.route, request.params, request.body);
    return this.idempotency.run(actor.userId, input.idempotencyKey, fingerprint, 200, async () => {
      await this.gateway.send(campaignId, clusterId, { commandId, type, actor, now: new Date().toISOString(), payload: input.payload } as ClusterCommand);
      // The read model is written in the append's transaction, before the Update answers.
      const after = await this.campaigns.cluster(campaignId, clusterId);
      return clusterDetailView(after!.state, actor, new Date());
    });
  }
}
