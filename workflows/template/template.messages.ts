import type { Actor, StartProgramTemplatePayload, TemplateSchool } from '@mutu/domain';
import type { CommandEnvelope } from '../program/program.activities';

export const PROGRAM_TEMPLATE_WORKFLOW_TYPE = 'programTemplateWorkflow';

export const programTemplateWorkflowId = (templateId: string) => `template-${templateId}`;
export const templateBatchWorkflowId = (templateId: string, batch: number) => `template-${templateId}-batch-${batch}`;

export interface ProgramTemplateWorkflowInput {
  commandId: string;
  /** The district officer (or admin) who started the template. */
  startedBy: Actor;
  /** The start's `now`, as signed. */
  startedAt: string;
  payload: StartProgramTemplatePayload;
  /** The API's signed envelope of the StartProgramTemplate command. */
  envelope?: CommandEnvelope;
  /** Schools per batch workflow (tests lower it). */
  batchSize?: number;
  /** Upsert the programs' MutuStage search attribute (off on servers without Mutu's attributes). */
  indexPrograms?: boolean;
}

/** A batch of schools whose programs one batch workflow starts. */
export interface TemplateBatchInput {
  payload: Omit<StartProgramTemplatePayload, 'schools'>;
  schools: TemplateSchool[];
  startedAt: string;
  indexPrograms?: boolean;
}

export interface TemplateFanOut {
  /** Program workflows started now. */
  started: number;
  /** Programs of this template and school that existed already (a repeated start or a retried batch). */
  existing: number;
}
