// Commands: what a person (or the workflow's timers, role 'system') asks of a program. Parsed at
// the edge with these schemas; `decide` trusts the shapes and checks the rules.
import { z } from 'zod';
import { ActorSchema, RoleSchema } from '../actor';
import {
  ApprovalPolicyRefSchema,
  ApprovalPolicySchema,
  AssignmentInputSchema,
  DecisionSchema,
  EvidenceFileSchema,
  ExecutionSchema,
  IdSchema,
  IsoInstantSchema,
  LocalDateSchema,
  PlanSchema,
  ReasonSchema,
  ReportSectionsSchema,
  Sha256Schema,
  StageSchema,
} from './program.schemas';
import { BospComponentCodeSchema } from '../bosp/bosp-components';
import { ExpenditureInputSchema } from './expenditure.schemas';

const activityRef = { activityId: IdSchema };
const reason = { reason: ReasonSchema };
const optionalReason = { reason: ReasonSchema.optional() };
/** The codes of the budget year's BOSP component list, set by the API from its table; clients cannot send them. */
const bospComponents = { bospComponents: z.array(BospComponentCodeSchema).max(50).optional() };

/** Payload schemas by command type, so the API can validate a request body alone. */
export const payloadSchemas = {
  CreateProgram: z.object({
    programId: IdSchema,
    schoolId: IdSchema,
    regionId: IdSchema,
    budgetYear: z.number().int().min(2000).max(2100),
    timeZone: z.string().min(1).max(64).optional(),
    title: z.string().min(1).max(300),
    plan: PlanSchema,
    /** Set by the API from the governance policy in force; authors cannot send one. */
    approvalPolicy: ApprovalPolicySchema.optional(),
    approvalPolicyRef: ApprovalPolicyRefSchema.optional(),
  }),
  EditPlan: z.object({ plan: PlanSchema, basePlanVersion: z.number().int().nonnegative().optional() }),
  SubmitPlan: z.object({ planVersion: z.number().int().nonnegative().optional(), ...bospComponents }),
  DecidePlan: z.object({ decision: DecisionSchema, ...optionalReason }),
  AssignActivity: z.object({ ...activityRef, ...AssignmentInputSchema.shape }),
  ConfirmAssignments: z.object({}),
  StartActivity: z.object({ ...activityRef }),
  // realisedCost: the sum of the recorded expenditures when there are any (absent or equal to it).
  CompleteActivity: z.object({ ...activityRef, ...ExecutionSchema.shape, realisedCost: ExecutionSchema.shape.realisedCost.optional() }),
  DropActivity: z.object({ ...activityRef, ...reason }),
  AttachEvidence: z.object({ ...activityRef, ...EvidenceFileSchema.shape }),
  WithdrawEvidence: z.object({ ...activityRef, sha256: Sha256Schema, ...reason }),
  CompleteDocumentation: z.object({}),
  DecideDocumentation: z.object({ decision: DecisionSchema, ...optionalReason }),
  EditReport: z.object({ sections: ReportSectionsSchema }),
  SubmitReport: z.object({ reportSha256: Sha256Schema }),
  SignReport: z.object({
    decision: DecisionSchema,
    /** The report version the signer read (optional only for commands recorded before it existed). */
    reportVersion: z.number().int().positive().optional(),
    reportSha256: Sha256Schema,
    ...optionalReason,
  }),
  CloseProgram: z.object({}),
  RequestCancellation: z.object({ ...reason }),
  ConfirmCancellation: z.object({ ...optionalReason }),
  RejectCancellation: z.object({ ...reason }),
  ExtendDeadline: z.object({
    stage: StageSchema,
    activityId: IdSchema.optional(),
    newDueDate: LocalDateSchema,
    ...reason,
  }),
  RecordReminder: z.object({
    stage: StageSchema,
    kind: z.string().min(1).max(100),
    dueDate: LocalDateSchema,
    recipientRole: RoleSchema,
    recipientUserId: IdSchema.optional(),
    offsetWorkingDays: z.number().int(),
    activityId: IdSchema.optional(),
  }),
  RecordDeadlineMissed: z.object({
    stage: StageSchema,
    kind: z.string().min(1).max(100),
    dueDate: LocalDateSchema,
    activityId: IdSchema.optional(),
  }),
  RecordEscalation: z.object({
    stage: StageSchema,
    level: z.number().int().min(1).max(10),
    toRole: RoleSchema,
    dueDate: LocalDateSchema.optional(),
    activityId: IdSchema.optional(),
  }),
  RecordExpenditure: z.object({ ...activityRef, ...ExpenditureInputSchema.shape, ...bospComponents }),
  WithdrawExpenditure: z.object({ ...activityRef, expenditureId: IdSchema, ...reason }),
  AcknowledgeOverspend: z.object({ ...activityRef, ...optionalReason }),
} as const;

export type ProgramCommandType = keyof typeof payloadSchemas;
export const PROGRAM_COMMAND_TYPES = Object.keys(payloadSchemas) as ProgramCommandType[];
export type CommandPayload<T extends ProgramCommandType> = z.infer<(typeof payloadSchemas)[T]>;

function commandSchema<T extends ProgramCommandType>(type: T) {
  return z.object({
    commandId: z.string().min(1).max(200),
    type: z.literal(type),
    actor: ActorSchema,
    now: IsoInstantSchema,
    payload: payloadSchemas[type] as (typeof payloadSchemas)[T],
  });
}

export const commandSchemas = {
  CreateProgram: commandSchema('CreateProgram'),
  EditPlan: commandSchema('EditPlan'),
  SubmitPlan: commandSchema('SubmitPlan'),
  DecidePlan: commandSchema('DecidePlan'),
  AssignActivity: commandSchema('AssignActivity'),
  ConfirmAssignments: commandSchema('ConfirmAssignments'),
  StartActivity: commandSchema('StartActivity'),
  CompleteActivity: commandSchema('CompleteActivity'),
  DropActivity: commandSchema('DropActivity'),
  AttachEvidence: commandSchema('AttachEvidence'),
  WithdrawEvidence: commandSchema('WithdrawEvidence'),
  CompleteDocumentation: commandSchema('CompleteDocumentation'),
  DecideDocumentation: commandSchema('DecideDocumentation'),
  EditReport: commandSchema('EditReport'),
  SubmitReport: commandSchema('SubmitReport'),
  SignReport: commandSchema('SignReport'),
  CloseProgram: commandSchema('CloseProgram'),
  RequestCancellation: commandSchema('RequestCancellation'),
  ConfirmCancellation: commandSchema('ConfirmCancellation'),
  RejectCancellation: commandSchema('RejectCancellation'),
  ExtendDeadline: commandSchema('ExtendDeadline'),
  RecordReminder: commandSchema('RecordReminder'),
  RecordDeadlineMissed: commandSchema('RecordDeadlineMissed'),
  RecordEscalation: commandSchema('RecordEscalation'),
  RecordExpenditure: commandSchema('RecordExpenditure'),
  WithdrawExpenditure: commandSchema('WithdrawExpenditure'),
  AcknowledgeOverspend: commandSchema('AcknowledgeOverspend'),
} as const satisfies { [K in ProgramCommandType]: ReturnType<typeof commandSchema<K>> };

export const ProgramCommandSchema = z.discriminatedUnion('type', [
  commandSchemas.CreateProgram,
  commandSchemas.EditPlan,
  commandSchemas.SubmitPlan,
  commandSchemas.DecidePlan,
  commandSchemas.AssignActivity,
  commandSchemas.ConfirmAssignments,
  commandSchemas.StartActivity,
  commandSchemas.CompleteActivity,
  commandSchemas.DropActivity,
  commandSchemas.AttachEvidence,
  commandSchemas.WithdrawEvidence,
  commandSchemas.CompleteDocumentation,
  commandSchemas.DecideDocumentation,
  commandSchemas.EditReport,
  commandSchemas.SubmitReport,
  commandSchemas.SignReport,
  commandSchemas.CloseProgram,
  commandSchemas.RequestCancellation,
  commandSchemas.ConfirmCancellation,
  commandSchemas.RejectCancellation,
  commandSchemas.ExtendDeadline,
  commandSchemas.RecordReminder,
  commandSchemas.RecordDeadlineMissed,
  commandSchemas.RecordEscalation,
  commandSchemas.RecordExpenditure,
  commandSchemas.WithdrawExpenditure,
  commandSchemas.AcknowledgeOverspend,
]);

export type ProgramCommand = z.infer<typeof ProgramCommandSchema>;
export type CommandOf<T extends ProgramCommandType> = Extract<ProgramCommand, { type: T }>;

/** Commands only the workflow (role 'system') issues. */
export const SYSTEM_COMMAND_TYPES = ['RecordReminder', 'RecordDeadlineMissed', 'RecordEscalation'] as const;
