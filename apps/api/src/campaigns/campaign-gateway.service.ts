import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateStage } from '@temporalio/client';
import { CONFIG, type Config } from '@mutu/config';
import type { ClusterCommand } from '@mutu/domain';
import type { CommandSigner } from '@mutu/persistence';
import { clusterCommandUpdate, clusterWorkflowId, type ClusterOutcome } from '@mutu/workflows';
import { ApiError } from '../common/api-error';
import { apiCommandSigner, updateAcceptedInTime } from '../programs/command-delivery';

/**
 * The API's door into a cluster's workflow: commands become Updates whose id is the command id,
 * signed like program commands and bounded in the same way when no worker is there.
 */
@Injectable()
export class CampaignGateway {
  private readonly signer: CommandSigner;

  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    this.signer = apiCommandSigner(config);
  }

  async send(campaignId: string, clusterId: string, command: ClusterCommand): Promise<ClusterOutcome> {
    const handle = this.client.workflow.getHandle(clusterWorkflowId(campaignId, clusterId));
    const envelope = this.signer.sign(command);
    try {
      return await updateAcceptedInTime(this.client, this.config, () =>
        handle.startUpdate(clusterCommandUpdate(command.type), { args: [command as never, envelope as never], updateId: command.commandId, waitForStage: WorkflowUpdateStage.ACCEPTED }),
      );
    } catch (e) {
      // A completed cluster's workflow has ended: that is a conflict, not a missing cluster.
      if (e instanceof WorkflowNotFoundError) throw new ApiError(409, 'CLUSTER_COMPLETED', 'This cluster has completed its mentoring; it accepts no more changes.');
      throw e;
    }
  }
}
