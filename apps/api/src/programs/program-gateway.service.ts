import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowIdConflictPolicy } from '@temporalio/client';
import { CONFIG, type Config } from '@mutu/config';
import type { ProgramCommand } from '@mutu/domain';
import { executeUpdateOnAcceptingRun, SA_BUDGET_YEAR, SA_REGION, SA_SCHOOL, SA_STAGE } from '@mutu/temporal';
import {
  commandUpdate,
  pendingDecisionsQuery,
  programWorkflow,
  programWorkflowId,
  stateQuery,
  type CommandOutcome,
} from '@mutu/workflows';

import { ProgramListCache } from './program-list-cache';

type CreateCommand = Extract<ProgramCommand, { type: 'CreateProgram' }>;

/** The API's only door into Temporal: commands become Updates whose id is the command id. */
@Injectable()
export class ProgramGateway {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(ProgramListCache) private readonly listCache: ProgramListCache,
  ) {}

  /** Starts the program's workflow and creates the program in one round trip (update-with-start). */
  async create(command: CreateCommand): Promise<CommandOutcome> {
    const { programId, schoolId, regionId, budgetYear } = command.payload;
    const startOperation = new WithStartWorkflowOperation(programWorkflow, {
      workflowId: programWorkflowId(programId),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [{ programId }],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      typedSearchAttributes: [
        { key: SA_SCHOOL, value: schoolId },
        { key: SA_REGION, value: regionId },
        { key: SA_BUDGET_YEAR, value: budgetYear },
        { key: SA_STAGE, value: 'plan' },
      ],
    });
    try {
      return await this.client.workflow.executeUpdateWithStart(commandUpdate('CreateProgram'), {
        args: [command],
        updateId: command.commandId,
        startWorkflowOperation: startOperation,
      });
    } finally {
      this.listCache.drop(); // the caller's next list shows the change, announced or not yet
    }
  }

  async send(programId: string, command: ProgramCommand): Promise<CommandOutcome> {
    const handle = this.client.workflow.getHandle(programWorkflowId(programId));
    try {
      return await executeUpdateOnAcceptingRun(handle, commandUpdate(command.type), { args: [command as never], updateId: command.commandId });
    } finally {
      this.listCache.drop();
    }
  }

  async state(programId: string) {
    return this.client.workflow.getHandle(programWorkflowId(programId)).query(stateQuery);
  }

  async pendingDecisions(programId: string) {
    return this.client.workflow.getHandle(programWorkflowId(programId)).query(pendingDecisionsQuery);
  }
}
