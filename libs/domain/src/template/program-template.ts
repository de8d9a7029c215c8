// A program template of the education office: a plan skeleton (objectives, activities with their
// BOSP components, amounts and windows) started at N schools of its regions at once. Each school
// gets an ordinary program in its plan stage, which its principal then edits as its own.
import { z } from 'zod';
import { ActorSchema, hasRole, type Actor } from '../actor';
import { DomainError } from '../errors';
import { planIssues } from '../program/plan.rules';
import type { CommandOf } from '../program/program.commands';
import { ApprovalPolicyRefSchema, ApprovalPolicySchema, IdSchema, IsoInstantSchema, PlanSchema } from '../program/program.schemas';

export const TEMPLATE_ACTOR: Actor = { userId: 'system', name: 'Mutu (dinas pendidikan)', roles: ['system'], schoolIds: [], regionIds: [] };

/** Template ids appear in workflow, stream and program ids: short, URL-safe. */
export const TemplateIdSchema = z.string().min(1).max(60).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

export const ProgramTemplateSchema = z.object({
  templateId: TemplateIdSchema,
  title: z.string().min(1).max(300),
  budgetYear: z.number().int().min(2000).max(2100),
  plan: PlanSchema,
});
export type ProgramTemplate = z.infer<typeof ProgramTemplateSchema>;

/** What a school's program needs besides the template: its region, time zone and approval policy (by key). */
export const TemplateSchoolSchema = z.object({
  schoolId: IdSchema,
  name: z.string().min(1).max(300),
  regionId: IdSchema,
  timeZone: z.string().min(1).max(64),
  policyKey: z.string().min(1).max(300),
});
export type TemplateSchool = z.infer<typeof TemplateSchoolSchema>;

export const PolicyInForceSchema = z.object({ policy: ApprovalPolicySchema, ref: ApprovalPolicyRefSchema });

export const StartProgramTemplatePayloadSchema = z.object({
  template: ProgramTemplateSchema,
  schools: z.array(TemplateSchoolSchema).min(1).max(5000),
  /** The approval policy in force per key (schools of one region usually share one). */
  policies: z.record(z.string(), PolicyInForceSchema),
});
export type StartProgramTemplatePayload = z.infer<typeof StartProgramTemplatePayloadSchema>;

export const TemplateCommandSchema = z.object({
  commandId: z.string().min(1).max(200),
  type: z.literal('StartProgramTemplate'),
  actor: ActorSchema,
  now: IsoInstantSchema,
  payload: StartProgramTemplatePayloadSchema,
});
export type TemplateCommand = z.infer<typeof TemplateCommandSchema>;

export type TemplateEvent = {
  type: 'ProgramTemplateStarted';
  v: 1;
  data: { template: ProgramTemplate; schoolIds: string[]; by: string; role: string; at: string };
};

export type TemplateState = { status: 'none' } | { status: 'started'; template: ProgramTemplate; schoolIds: string[]; by: string; at: string };

export const initialTemplateState = (): TemplateState => ({ status: 'none' });

export const templateStreamId = (templateId: string) => `template-${templateId}`;

/** One program per template and school: the id is derived from both, so a repeated start finds it. */
export const templateProgramId = (templateId: string, schoolId: string) => `tpl-${templateId}-${schoolId}`;

export function decideTemplate(c: TemplateCommand, state: TemplateState): TemplateEvent[] {
  const { template, schools, policies } = c.payload;
  if (state.status !== 'none') throw new DomainError('ALREADY_EXISTS', `Template ${template.templateId} was already started.`);
  const role = hasRole(c.actor, 'admin') ? 'admin' : hasRole(c.actor, 'district_officer') ? 'district_officer' : undefined;
  if (role === undefined) throw new DomainError('FORBIDDEN_ROLE', 'Only an education office (district officer) or an admin starts a program template.');
  const outside = schools.find((s) => role !== 'admin' && !c.actor.regionIds.includes(s.regionId));
  if (outside) throw new DomainError('OUT_OF_SCOPE', `School ${outside.schoolId} not found.`);
  const issues = planIssues(template.plan, template.budgetYear);
  if (issues.length > 0) throw new DomainError('INVALID_PLAN', 'The template plan is not valid.', { issues });
  const unknown = schools.find((s) => !(s.policyKey in policies));
  if (unknown) throw new DomainError('INVALID_PLAN', `No approval policy for school ${unknown.schoolId}.`);
  return [{ type: 'ProgramTemplateStarted', v: 1, data: { template, schoolIds: schools.map((s) => s.schoolId), by: c.actor.userId, role, at: c.now } }];
}

export function evolveTemplate(_state: TemplateState, e: TemplateEvent): TemplateState {
  return { status: 'started', template: e.data.template, schoolIds: e.data.schoolIds, by: e.data.by, at: e.data.at };
}

/** The creation of a school's program from the template (a workflow's own command, like an RTL's program). */
export function templateProgramCommand(p: StartProgramTemplatePayload, school: TemplateSchool, now: string): CommandOf<'CreateProgram'> {
  const { template } = p;
  const { policy, ref } = p.policies[school.policyKey];
  return {
    commandId: `template-program:${template.templateId}:${school.schoolId}`,
    type: 'CreateProgram',
    actor: TEMPLATE_ACTOR,
    now,
    payload: {
      programId: templateProgramId(template.templateId, school.schoolId),
      schoolId: school.schoolId,
      regionId: school.regionId,
      budgetYear: template.budgetYear,
      timeZone: school.timeZone,
      title: template.title,
      plan: template.plan,
      approvalPolicy: policy,
      approvalPolicyRef: ref,
    },
  };
}
