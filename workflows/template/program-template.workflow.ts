import { executeChild, proxyActivities } from '@temporalio/workflow';
import { decideTemplate, evolveTemplate, initialTemplateState, TemplateCommandSchema, templateStreamId } from '@mutu/domain';
import type { CampaignActivities } from '../campaign/campaign.activities';
import { createStreamWriter, invalidCommand } from '../campaign/stream-writer';
import { programTemplateBatchWorkflow } from './template-batch.workflow';
import { templateBatchWorkflowId, type ProgramTemplateWorkflowInput, type TemplateFanOut } from './template.messages';

const { appendEvents } = proxyActivities<Pick<CampaignActivities, 'appendEvents'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds', nonRetryableErrorTypes: ['STREAM_VERSION_CONFLICT', 'COMMAND_ID_REUSED'] },
});

/** Schools per batch workflow, as for a campaign's clusters: every parent stays small. */
export const TEMPLATE_BATCH_SIZE = 50;

/**
 * Starts a program template at its schools: records the signed start (who, which template, which
 * schools) in the template's stream, then fans out through batch workflows, each starting its
 * schools' programs. Ends when every program has been started (or found started before).
 */
export async function programTemplateWorkflow(input: ProgramTemplateWorkflowInput): Promise<TemplateFanOut> {
  const { payload } = input;
  const writer = createStreamWriter({
    streamId: templateStreamId(payload.template.templateId),
    initial: initialTemplateState(),
    decide: decideTemplate,
    evolve: evolveTemplate,
    append: appendEvents,
    ready: () => true,
    parse: (raw) => {
      const parsed = TemplateCommandSchema.safeParse(raw);
      if (!parsed.success) invalidCommand(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return parsed.data;
    },
  });
  await writer.handle({ commandId: input.commandId, type: 'StartProgramTemplate', actor: input.startedBy, now: input.startedAt, payload }, input.envelope);

  const size = input.batchSize ?? TEMPLATE_BATCH_SIZE;
  const { schools, ...shared } = payload;
  const batches = Array.from({ length: Math.ceil(schools.length / size) }, (_, k) => schools.slice(k * size, (k + 1) * size));
  const results = await Promise.all(
    batches.map((batch, k) =>
      executeChild(programTemplateBatchWorkflow, {
        workflowId: templateBatchWorkflowId(payload.template.templateId, k + 1),
        args: [{ payload: shared, schools: batch, startedAt: input.startedAt, ...(input.indexPrograms === undefined ? {} : { indexPrograms: input.indexPrograms }) }],
      }),
    ),
  );
  return results.reduce((a, r) => ({ started: a.started + r.started, existing: a.existing + r.existing }), { started: 0, existing: 0 });
}
