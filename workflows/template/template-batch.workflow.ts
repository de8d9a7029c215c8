import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { templateProgramCommand } from '@mutu/domain';
import { programWorkflow } from '../program/program.workflow';
import { programWorkflowId } from '../program/program.messages';
import type { TemplateBatchInput, TemplateFanOut } from './template.messages';

/**
 * Starts the programs of a batch of schools (in one workflow task), each a child program workflow
 * created from its start input that outlives the batch. The program id is derived from the
 * template and the school, so a program that exists already is counted, never started twice.
 */
export async function programTemplateBatchWorkflow(input: TemplateBatchInput): Promise<TemplateFanOut> {
  const payload = { ...input.payload, schools: input.schools };
  const results = await Promise.all(
    input.schools.map(async (school) => {
      const create = templateProgramCommand(payload, school, input.startedAt);
      const programId = create.payload.programId;
      try {
        await startChild(programWorkflow, {
          workflowId: programWorkflowId(programId),
          args: [{ programId, create, indexStage: input.indexPrograms !== false }],
          // The school's program runs its own budget year, long after this batch.
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
        return 'started' as const;
      } catch (e) {
        if (e instanceof WorkflowExecutionAlreadyStartedError) return 'existing' as const;
        throw e;
      }
    }),
  );
  return { started: results.filter((r) => r === 'started').length, existing: results.filter((r) => r === 'existing').length };
}
