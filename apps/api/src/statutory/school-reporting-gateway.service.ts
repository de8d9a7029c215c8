import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, WorkflowUpdateStage } from '@temporalio/client';
import { CONFIG, type Config } from '@mutu/config';
import type { SchoolReportingCommand } from '@mutu/domain';
import type { CommandSigner } from '@mutu/persistence';
import { openSchoolReportingYear, schoolReportingStartOptions } from '@mutu/temporal';
import {
  recordSubmissionUpdate,
  SCHOOL_REPORTING_WORKFLOW_TYPE,
  type schoolReportingWorkflow,
  type SchoolReportingOutcome,
  type SchoolReportingWorkflowInput,
} from '@mutu/workflows';
import { ApiError } from '../common/api-error';
import { apiCommandSigner, updateAcceptedInTime } from '../programs/command-delivery';

/**
 * The API's door into a school's reporting year: the workflow is started when first needed (its
 * id is the school and year, so a second start is a no-op, and a year whose workflow has ended
 * — both reports submitted — is never started again), and the principal's submission is a signed
 * Update delivered with that start in one round trip.
 */
@Injectable()
export class SchoolReportingGateway {
  private readonly signer: CommandSigner;

  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    this.signer = apiCommandSigner(config);
  }

  private startOptions(school: SchoolReportingWorkflowInput) {
    const options = schoolReportingStartOptions(school, this.config.TEMPORAL_TASK_QUEUE);
    return { ...options, args: options.args as Parameters<typeof schoolReportingWorkflow> };
  }

  /** Idempotent: starts the year's workflow unless it runs or ran. */
  async ensure(school: SchoolReportingWorkflowInput): Promise<void> {
    await openSchoolReportingYear(this.client, this.config.TEMPORAL_TASK_QUEUE, school);
  }

  async submit(school: SchoolReportingWorkflowInput, command: Extract<SchoolReportingCommand, { type: 'RecordReportSubmission' }>): Promise<SchoolReportingOutcome> {
    const envelope = this.signer.sign(command);
    const startWorkflowOperation = new WithStartWorkflowOperation<typeof schoolReportingWorkflow>(SCHOOL_REPORTING_WORKFLOW_TYPE, this.startOptions(school));
    try {
      return await updateAcceptedInTime(this.client, this.config, () =>
        this.client.workflow.startUpdateWithStart(recordSubmissionUpdate, {
          args: [command, envelope as never],
          updateId: command.commandId,
          waitForStage: WorkflowUpdateStage.ACCEPTED,
          startWorkflowOperation,
        }),
      );
    } catch (e) {
      // The year's workflow ended: both reports are already submitted.
      if (e instanceof WorkflowExecutionAlreadyStartedError) throw new ApiError(409, 'ALREADY_SUBMITTED', `Both statutory reports of ${school.budgetYear} are already submitted.`);
      throw e;
    }
  }
}
