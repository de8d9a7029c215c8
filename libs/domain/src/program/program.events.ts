// Events: the facts recorded in the event store. Each carries everything `evolve` needs (`at`,
// and `by` + `role` for human actions) so a fold never needs the command. Start at v: 1; older
// shapes are lifted by `upcast`.
import { z } from 'zod';
import { RoleSchema } from '../actor';
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
import { ExpenditureRecordSchema } from './expenditure.schemas';

const at = { at: IsoInstantSchema };
const human = { by: IdSchema, role: RoleSchema, ...at };
const activityRef = { activityId: IdSchema };

export const eventDataSchemas = {
  ProgramCreated: z.object({
    programId: IdSchema,
    schoolId: IdSchema,
    regionId: IdSchema,
    budgetYear: z.number().int(),
    timeZone: z.string().min(1),
    title: z.string().min(1),
    plan: PlanSchema,
    approvalPolicy: ApprovalPolicySchema,
    /** The governance policy version taken at creation; absent in programs created before policies were governed. */
    approvalPolicyRef: ApprovalPolicyRefSchema.optional(),
    ...human,
  }),
  PlanEdited: z.object({ plan: PlanSchema, planVersion: z.number().int(), ...human }),
  PlanSubmitted: z.object({ planVersion: z.number().int(), ...human }),
  PlanApproved: z.object({ planVersion: z.number().int(), ...human }),
  PlanRejected: z.object({ planVersion: z.number().int(), reason: ReasonSchema, ...human }),
  ActivityAssigned: z.object({
    ...activityRef,
    ...AssignmentInputSchema.shape,
    previousPersonInCharge: IdSchema.nullable(),
    ...human,
  }),
  AssignmentsConfirmed: z.object({ ...human }),
  ActivityStarted: z.object({ ...activityRef, ...human }),
  ActivityCompleted: z.object({ ...activityRef, execution: ExecutionSchema, ...human }),
  ActivityDropped: z.object({ ...activityRef, reason: ReasonSchema, ...human }),
  EvidenceAttached: z.object({ ...activityRef, evidence: EvidenceFileSchema, ...human }),
  EvidenceWithdrawn: z.object({ ...activityRef, sha256: Sha256Schema, reason: ReasonSchema, ...human }),
  DocumentationSubmitted: z.object({ ...human }),
  DocumentationApproved: z.object({ ...human }),
  DocumentationRejected: z.object({ reason: ReasonSchema, ...human }),
  ReportEdited: z.object({ sections: ReportSectionsSchema, ...human }),
  ReportSubmitted: z.object({ reportSha256: Sha256Schema, ...human }),
  ReportSigned: z.object({
    decision: DecisionSchema,
    reason: ReasonSchema.nullable(),
    reportSha256: Sha256Schema,
    ...human,
  }),
  ReportSignedOff: z.object({ reportSha256: Sha256Schema, signedBy: z.array(IdSchema), ...at }),
  ProgramClosed: z.object({ ...human }),
  CancellationRequested: z.object({ reason: ReasonSchema, ...human }),
  ProgramCancelled: z.object({
    requestedBy: IdSchema,
    requestReason: ReasonSchema,
    reason: ReasonSchema.nullable(),
    ...human,
  }),
  CancellationRejected: z.object({ reason: ReasonSchema, ...human }),
  DeadlineExtended: z.object({
    stage: StageSchema,
    activityId: IdSchema.nullable(),
    newDueDate: LocalDateSchema,
    reason: ReasonSchema,
    ...human,
  }),
  /** Every stage change, including into closed/cancelled, is this event: one thing to watch. */
  StageAdvanced: z.object({ from: StageSchema, to: StageSchema, ...at }),
  ReminderIssued: z.object({
    stage: StageSchema,
    kind: z.string().min(1),
    dueDate: LocalDateSchema,
    recipientRole: RoleSchema,
    recipientUserId: IdSchema.nullable(),
    offsetWorkingDays: z.number().int(),
    activityId: IdSchema.nullable(),
    ...at,
  }),
  DeadlineMissed: z.object({
    stage: StageSchema,
    kind: z.string().min(1),
    dueDate: LocalDateSchema,
    activityId: IdSchema.nullable(),
    ...at,
  }),
  EscalationRaised: z.object({
    stage: StageSchema,
    level: z.number().int(),
    toRole: RoleSchema,
    dueDate: LocalDateSchema.nullable(),
    activityId: IdSchema.nullable(),
    ...at,
  }),
  ExpenditureRecorded: z.object({ ...activityRef, expenditure: ExpenditureRecordSchema, ...human }),
  ExpenditureWithdrawn: z.object({ ...activityRef, expenditureId: IdSchema, reason: ReasonSchema, ...human }),
  /** The supervisor accepts spending above the threshold; `realised` is the cost acknowledged. */
  OverspendAcknowledged: z.object({
    ...activityRef,
    planned: z.number().int(),
    realised: z.number().int(),
    reason: ReasonSchema.nullable(),
    ...human,
  }),
} as const;

export type ProgramEventType = keyof typeof eventDataSchemas;
export const PROGRAM_EVENT_TYPES = Object.keys(eventDataSchemas) as ProgramEventType[];

/** The current schema version of every event type; `upcast` lifts older ones to it. */
export const EVENT_VERSIONS: { readonly [K in ProgramEventType]: number } = Object.fromEntries(
  PROGRAM_EVENT_TYPES.map((t) => [t, 1]),
) as { [K in ProgramEventType]: number };

function eventSchema<T extends ProgramEventType>(type: T) {
  return z.object({
    type: z.literal(type),
    v: z.literal(EVENT_VERSIONS[type]),
    data: eventDataSchemas[type] as (typeof eventDataSchemas)[T],
  });
}

export const eventSchemas = {
  ProgramCreated: eventSchema('ProgramCreated'),
  PlanEdited: eventSchema('PlanEdited'),
  PlanSubmitted: eventSchema('PlanSubmitted'),
  PlanApproved: eventSchema('PlanApproved'),
  PlanRejected: eventSchema('PlanRejected'),
  ActivityAssigned: eventSchema('ActivityAssigned'),
  AssignmentsConfirmed: eventSchema('AssignmentsConfirmed'),
  ActivityStarted: eventSchema('ActivityStarted'),
  ActivityCompleted: eventSchema('ActivityCompleted'),
  ActivityDropped: eventSchema('ActivityDropped'),
  EvidenceAttached: eventSchema('EvidenceAttached'),
  EvidenceWithdrawn: eventSchema('EvidenceWithdrawn'),
  DocumentationSubmitted: eventSchema('DocumentationSubmitted'),
  DocumentationApproved: eventSchema('DocumentationApproved'),
  DocumentationRejected: eventSchema('DocumentationRejected'),
  ReportEdited: eventSchema('ReportEdited'),
  ReportSubmitted: eventSchema('ReportSubmitted'),
  ReportSigned: eventSchema('ReportSigned'),
  ReportSignedOff: eventSchema('ReportSignedOff'),
  ProgramClosed: eventSchema('ProgramClosed'),
  CancellationRequested: eventSchema('CancellationRequested'),
  ProgramCancelled: eventSchema('ProgramCancelled'),
  CancellationRejected: eventSchema('CancellationRejected'),
  DeadlineExtended: eventSchema('DeadlineExtended'),
  StageAdvanced: eventSchema('StageAdvanced'),
  ReminderIssued: eventSchema('ReminderIssued'),
  DeadlineMissed: eventSchema('DeadlineMissed'),
  EscalationRaised: eventSchema('EscalationRaised'),
  ExpenditureRecorded: eventSchema('ExpenditureRecorded'),
  ExpenditureWithdrawn: eventSchema('ExpenditureWithdrawn'),
  OverspendAcknowledged: eventSchema('OverspendAcknowledged'),
} as const satisfies { [K in ProgramEventType]: ReturnType<typeof eventSchema<K>> };

export const ProgramEventSchema = z.discriminatedUnion('type', [
  eventSchemas.ProgramCreated,
  eventSchemas.PlanEdited,
  eventSchemas.PlanSubmitted,
  eventSchemas.PlanApproved,
  eventSchemas.PlanRejected,
  eventSchemas.ActivityAssigned,
  eventSchemas.AssignmentsConfirmed,
  eventSchemas.ActivityStarted,
  eventSchemas.ActivityCompleted,
  eventSchemas.ActivityDropped,
  eventSchemas.EvidenceAttached,
  eventSchemas.EvidenceWithdrawn,
  eventSchemas.DocumentationSubmitted,
  eventSchemas.DocumentationApproved,
  eventSchemas.DocumentationRejected,
  eventSchemas.ReportEdited,
  eventSchemas.ReportSubmitted,
  eventSchemas.ReportSigned,
  eventSchemas.ReportSignedOff,
  eventSchemas.ProgramClosed,
  eventSchemas.CancellationRequested,
  eventSchemas.ProgramCancelled,
  eventSchemas.CancellationRejected,
  eventSchemas.DeadlineExtended,
  eventSchemas.StageAdvanced,
  eventSchemas.ReminderIssued,
  eventSchemas.DeadlineMissed,
  eventSchemas.EscalationRaised,
  eventSchemas.ExpenditureRecorded,
  eventSchemas.ExpenditureWithdrawn,
  eventSchemas.OverspendAcknowledged,
]);

export type ProgramEvent = z.infer<typeof ProgramEventSchema>;
export type EventOf<T extends ProgramEventType> = Extract<ProgramEvent, { type: T }>;
export type EventData<T extends ProgramEventType> = EventOf<T>['data'];

/** Builds an event at its current version. */
export function event<T extends ProgramEventType>(type: T, data: EventData<T>): EventOf<T> {
  return { type, v: EVENT_VERSIONS[type], data } as EventOf<T>;
}
