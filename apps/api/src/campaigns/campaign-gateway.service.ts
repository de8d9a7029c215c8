import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { ClusterCommand } from '@mutu/domain';
import { clusterCommandUpdate, clusterWorkflowId, type ClusterOutcome } from '@mutu/workflows';
import { executeUpdateOnAcceptingRun } from '@mutu/temporal';
import { ApiError } from '../common/api-error';

/** The API's door into a cluster's workflow: commands become Updates whose id is the command id. */
@Injectable()
export class CampaignGateway {
  constructor(@Inject(Client) private readonly client: Client) {}

  async send(campaignId: string, clusterId: string, command: ClusterCommand): Promise<ClusterOutcome> {
    const handle = this.client.workflow.getHandle(clusterWorkflowId(campaignId, clusterId));
    try {
      return await executeUpdateOnAcceptingRun(handle, clusterCommandUpdate(command.type), { args: [command as never], updateId: command.commandId });
    } catch (e) {
      // A completed cluster's workflow has ended: that is a conflict, not a missing cluster.
      if (e instanceof WorkflowNotFoundError) throw new ApiError(409, 'CLUSTER_COMPLETED', 'This cluster has completed its mentoring; it accepts no more changes.');
      throw e;
    }
  }
}
