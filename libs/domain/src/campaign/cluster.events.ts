// Facts of one cluster's mentoring, recorded in the cluster's own stream by its workflow. Each
// carries what `evolveCluster` needs, so a fold never needs the command.
import { z } from 'zod';
import { DecisionSchema, IdSchema, IsoInstantSchema, LocalDateSchema, ReasonSchema } from '../program/program.schemas';
import { ClusterSetupSchema, EscalationTargetSchema, MaterialSchema, MeetingDocumentationSchema, PeriodSchema, RtlActionSchema } from './campaign.schemas';

const at = { at: IsoInstantSchema };
const human = { by: IdSchema, role: z.string().min(1).max(50), ...at };
const meeting = { number: z.number().int().min(1) };

export const clusterEventDataSchemas = {
  ClusterOpened: z.object({
    campaignId: IdSchema,
    campaignTitle: z.string().min(1),
    regionId: IdSchema,
    organiserIds: z.array(IdSchema),
    timeZone: z.string().min(1),
    period: PeriodSchema,
    materials: z.array(MaterialSchema),
    cluster: ClusterSetupSchema,
    ...at,
  }),
  MeetingRescheduled: z.object({ ...meeting, from: LocalDateSchema, to: LocalDateSchema, reason: ReasonSchema, ...human }),
  MeetingDocumented: z.object({ ...meeting, documentation: MeetingDocumentationSchema, late: z.boolean(), ...human }),
  MeetingReminderIssued: z.object({ ...meeting, date: LocalDateSchema, offsetWorkingDays: z.number().int(), ...at }),
  MeetingOverdue: z.object({ ...meeting, dueDate: LocalDateSchema, ...at }),
  MeetingEscalated: z.object({ ...meeting, level: z.number().int().min(1), to: EscalationTargetSchema, dueDate: LocalDateSchema, ...at }),
  RtlSubmitted: z.object({ schoolId: IdSchema, actions: z.array(RtlActionSchema), ...human }),
  RtlDecided: z.object({ schoolId: IdSchema, decision: DecisionSchema, reason: ReasonSchema.optional(), ...human }),
  RtlProgramOpened: z.object({ schoolId: IdSchema, programId: IdSchema, ...at }),
  ClusterCompleted: z.object({ ...at }),
} as const;

export type ClusterEventType = keyof typeof clusterEventDataSchemas;
export const CLUSTER_EVENT_TYPES = Object.keys(clusterEventDataSchemas) as ClusterEventType[];
export type ClusterEventData<T extends ClusterEventType> = z.infer<(typeof clusterEventDataSchemas)[T]>;
export type ClusterEventOf<T extends ClusterEventType> = { type: T; v: 1; data: ClusterEventData<T> };
export type ClusterEvent = { [T in ClusterEventType]: ClusterEventOf<T> }[ClusterEventType];

export function clusterEvent<T extends ClusterEventType>(type: T, data: ClusterEventData<T>): ClusterEventOf<T> {
  return { type, v: 1, data };
}
