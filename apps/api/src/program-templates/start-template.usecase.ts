import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { CONFIG, type Config } from '@mutu/config';
import { decideTemplate, hasRole, initialTemplateState, policyInForce, policyStreamId, type Actor, type StartProgramTemplatePayload } from '@mutu/domain';
import type { CommandSigner } from '@mutu/persistence';
import { programTemplateWorkflow, programTemplateWorkflowId, type ProgramTemplateWorkflowInput } from '@mutu/workflows';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { GovernanceLog } from '../governance/governance-log';
import { apiCommandSigner } from '../programs/command-delivery';
import type { StartTemplateBody } from './program-template.schemas';

export interface StartedTemplate {
  templateId: string;
  workflowId: string;
  schools: number;
  /** true when this template had been started before: nothing new was started. */
  alreadyStarted: boolean;
}

/** The signed start input of a template (the API's and the benchmark's). */
export function templateStartInput(signer: Pick<CommandSigner, 'sign'>, actor: Actor, payload: StartProgramTemplatePayload, now: string): ProgramTemplateWorkflowInput {
  const commandId = `template-start:${payload.template.templateId}`;
  const command = { commandId, type: 'StartProgramTemplate' as const, actor, now, payload };
  return { commandId, startedBy: actor, startedAt: now, payload, envelope: signer.sign(command) as never };
}

/**
 * The education office starts one program template at the schools it names: every school must be
 * in the caller's regions (else 404 naming it); each school's program takes the approval policy in
 * force for it now. The fan-out runs in a workflow whose id is the template's, so a repeated start
 * starts nothing new and each (template, school) has one program.
 */
@Injectable()
export class StartTemplateUseCase {
  private readonly signer: CommandSigner;

  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(GovernanceLog) private readonly log: GovernanceLog,
  ) {
    this.signer = apiCommandSigner(config);
  }

  async execute(actor: Actor, body: StartTemplateBody): Promise<StartedTemplate> {
    const rows: { school_id: string; name: string; region_id: string; time_zone: string }[] = await this.ds.query(
      'SELECT school_id, name, region_id, time_zone FROM schools WHERE school_id = ANY($1::text[])',
      [body.schoolIds],
    );
    const byId = new Map(rows.map((r) => [r.school_id, r]));
    const missing = body.schoolIds.find((id) => !byId.has(id) || !(hasRole(actor, 'admin') || actor.regionIds.includes(byId.get(id)!.region_id)));
    if (missing) throw new ApiError(404, 'SCHOOL_NOT_FOUND', `school ${missing} not found`, { details: { schoolId: missing } });
    const payload = await this.payloadOf(body, body.schoolIds.map((id) => byId.get(id)!));
    const workflowId = programTemplateWorkflowId(body.templateId);
    const input = templateStartInput(this.signer, actor, payload, new Date().toISOString());
    // The workflow's first act decides again; deciding here answers a refusal (an invalid plan:
    // 422 INVALID_PLAN) before anything starts.
    decideTemplate({ commandId: input.commandId, type: 'StartProgramTemplate', actor, now: input.startedAt, payload }, initialTemplateState());
    const started = { templateId: body.templateId, workflowId, schools: body.schoolIds.length };
    try {
      // A template starts once, even after its workflow has finished: a repeat finds it.
      await this.client.workflow.start(programTemplateWorkflow, {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE, workflowId, args: [input], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      return { ...started, alreadyStarted: false };
    } catch (e) {
      if (e instanceof WorkflowExecutionAlreadyStartedError) return { ...started, alreadyStarted: true };
      throw e;
    }
  }

  /** The template with its schools and the approval policy in force per school (one policy stream read per region). */
  private async payloadOf(body: StartTemplateBody, schools: { school_id: string; name: string; region_id: string; time_zone: string }[]): Promise<StartProgramTemplatePayload> {
    const regions = [...new Set(schools.map((s) => s.region_id))];
    const streams = new Map(await Promise.all(regions.map(async (r) => [r, await this.log.read(policyStreamId(r))] as const)));
    const policies: StartProgramTemplatePayload['policies'] = {};
    const withPolicy = schools.map((s) => {
      const { policy, ref } = policyInForce(streams.get(s.region_id)!, s.region_id, s.school_id);
      const policyKey = `${ref.scope}:${ref.regionId}:${ref.schoolId ?? '-'}:${ref.version}`;
      policies[policyKey] = { policy, ref };
      return { schoolId: s.school_id, name: s.name, regionId: s.region_id, timeZone: s.time_zone, policyKey };
    });
    return { template: { templateId: body.templateId, title: body.title, budgetYear: body.budgetYear, plan: body.plan }, schools: withPolicy, policies };
  }
}
