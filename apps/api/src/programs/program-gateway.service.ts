import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowIdConflictPolicy, WorkflowUpdateStage } from '@temporalio/client';
import { CONFIG, type Config } from '@mutu/config';
import type { ProgramCommand } from '@mutu/domain';
import type { CommandSigner } from '@mutu/persistence';
import { SA_BUDGET_YEAR, SA_REGION, SA_SCHOOL, SA_STAGE } from '@mutu/temporal';
import {
  commandUpdate,
  pendingDecisionsQuery,
  programWorkflowId,
  PROGRAM_WORKFLOW_TYPE,
  stateQuery,
  type CommandOutcome,
  type programWorkflow,
} from '@mutu/workflows';

import { apiCommandSigner, ProgramBusyError, updateAcceptedInTime } from './command-delivery';
import { ProgramAdmission } from './program-admission';
import { ProgramListCache } from './program-list-cache';

type CreateCommand = Extract<ProgramCommand, { type: 'CreateProgram' }>;

/**
 * The API's only door into Temporal: commands become Updates whose id is the command id, each
 * with the API's signed envelope (the worker records nothing without it), answered 503 when no
 * worker accepts them in time.
 */
@Injectable()
export class ProgramGateway {
  private readonly signer: CommandSigner;
  private readonly admission: ProgramAdmission;

  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(ProgramListCache) private readonly listCache: ProgramListCache,
  ) {
    this.signer = apiCommandSigner(config);
    this.admission = new ProgramAdmission(config.PROGRAM_COMMANDS_IN_FLIGHT);
  }

  /** One program's commands go to Temporal a few at a time (see ProgramAdmission). */
  private admitted<T>(programId: string, send: () => Promise<T>): Promise<T> {
    return this.admission.run(programId, Date.now() + this.config.UPDATE_ACCEPT_TIMEOUT_MS, send, () => new ProgramBusyError(1));
  }

  /** Starts the program's workflow and creates the program in one round trip (update-with-start). */
  async create(command: CreateCommand): Promise<CommandOutcome> {
    const { programId, schoolId, regionId, budgetYear } = command.payload;
    const startOperation = new WithStartWorkflowOperation<typeof programWorkflow>(PROGRAM_WORKFLOW_TYPE, {
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
    const envelope = this.signer.sign(command);
    try {
      return await this.admitted(programId, () =>
        updateAcceptedInTime(this.client, this.config, () =>
          this.client.workflow.startUpdateWithStart(commandUpdate('CreateProgram'), {
            args: [command, envelope as never],
            updateId: command.commandId,
            waitForStage: WorkflowUpdateStage.ACCEPTED,
            startWorkflowOperation: startOperation,
          }),
        ),
      );
    } finally {
      this.listCache.drop(); // the caller's next list shows the change, announced or not yet
    }
  }

  async send(programId: string, command: ProgramCommand): Promise<CommandOutcome> {
    const handle = this.client.workflow.getHandle(programWorkflowId(programId));
    const envelope = this.signer.sign(command);
    try {
      // The outcome is read from the run that accepted the Update (see executeUpdateOnAcceptingRun).
      return await this.admitted(programId, () =>
        updateAcceptedInTime(this.client, this.config, () =>
          handle.startUpdate(commandUpdate(command.type), { args: [command as never, envelope as never], updateId: command.commandId, waitForStage: WorkflowUpdateStage.ACCEPTED }),
        ),
      );
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
