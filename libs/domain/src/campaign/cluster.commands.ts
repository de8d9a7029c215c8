// What people (team members, schools, organisers) and the cluster workflow's timers (role
// 'system') ask of a cluster. Parsed at the edge; `decideCluster` checks the rules.
import { z } from 'zod';
import { ActorSchema } from '../actor';
import { DecisionSchema, IdSchema, IsoInstantSchema, LocalDateSchema, ReasonSchema } from '../program/program.schemas';
import { clusterEventDataSchemas } from './cluster.events';
import { EscalationTargetSchema, MeetingDocumentationSchema, RtlActionSchema } from './campaign.schemas';

const meeting = { number: z.number().int().min(1).max(21) };

export const clusterPayloadSchemas = {
  OpenCluster: clusterEventDataSchemas.ClusterOpened.omit({ at: true }),
  RescheduleMeeting: z.object({ ...meeting, date: LocalDateSchema, reason: ReasonSchema.min(1) }),
  DocumentMeeting: z.object({ ...meeting, ...MeetingDocumentationSchema.shape }),
  RecordMeetingReminder: z.object({ ...meeting, date: LocalDateSchema, offsetWorkingDays: z.number().int() }),
  RecordMeetingOverdue: z.object({ ...meeting, dueDate: LocalDateSchema }),
  RecordMeetingEscalation: z.object({ ...meeting, level: z.number().int().min(1).max(10), to: EscalationTargetSchema, dueDate: LocalDateSchema }),
  SubmitRtl: z.object({ schoolId: IdSchema, actions: z.array(RtlActionSchema).min(1).max(50) }),
  DecideRtl: z.object({ schoolId: IdSchema, decision: DecisionSchema, reason: ReasonSchema.optional() }),
  RecordRtlProgramOpened: z.object({ schoolId: IdSchema, programId: IdSchema }),
} as const;

export type ClusterCommandType = keyof typeof clusterPayloadSchemas;
export const CLUSTER_COMMAND_TYPES = Object.keys(clusterPayloadSchemas) as ClusterCommandType[];
export const CLUSTER_SYSTEM_COMMANDS: readonly ClusterCommandType[] = [
  'OpenCluster',
  'RecordMeetingReminder',
  'RecordMeetingOverdue',
  'RecordMeetingEscalation',
  'RecordRtlProgramOpened',
];

function commandSchema<T extends ClusterCommandType>(type: T) {
  return z.object({
    commandId: z.string().min(1).max(200),
    type: z.literal(type),
    actor: ActorSchema,
    now: IsoInstantSchema,
    payload: clusterPayloadSchemas[type] as (typeof clusterPayloadSchemas)[T],
  });
}

export const ClusterCommandSchema = z.discriminatedUnion('type', [
  commandSchema('OpenCluster'),
  commandSchema('RescheduleMeeting'),
  commandSchema('DocumentMeeting'),
  commandSchema('RecordMeetingReminder'),
  commandSchema('RecordMeetingOverdue'),
  commandSchema('RecordMeetingEscalation'),
  commandSchema('SubmitRtl'),
  commandSchema('DecideRtl'),
  commandSchema('RecordRtlProgramOpened'),
]);
export type ClusterCommand = z.infer<typeof ClusterCommandSchema>;
export type ClusterCommandOf<T extends ClusterCommandType> = Extract<ClusterCommand, { type: T }>;
