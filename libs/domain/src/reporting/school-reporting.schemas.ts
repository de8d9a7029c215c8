// A school's statutory BOSP reports of one budget year (the stage I spending report, due 31 July,
// and the annual report, due 31 January of the next year): commands, events and state of the
// school-reporting stream, one per school and budget year, written by its own workflow.
import { z } from 'zod';
import { ActorSchema } from '../actor';
import { IdSchema, IsoInstantSchema, LocalDateSchema, Sha256Schema } from '../program/program.schemas';

export const STATUTORY_REPORTS = ['stage_one', 'annual'] as const;
export const StatutoryReportSchema = z.enum(STATUTORY_REPORTS);
export type StatutoryReport = z.infer<typeof StatutoryReportSchema>;

/** Who a statutory reminder or escalation goes to: the school's principal, its supervisors, the education office. */
export const StatutoryRecipientSchema = z.enum(['principal', 'supervisor', 'district_officer']);
export type StatutoryRecipient = z.infer<typeof StatutoryRecipientSchema>;

/** The ARKAS export the principal submitted, stored content-addressed like any evidence. */
export const ArkasExportSchema = z.object({
  sha256: Sha256Schema,
  filename: z.string().min(1).max(255),
  size: z.number().int().nonnegative(),
  mimeType: z.string().min(1).max(200),
});
export type ArkasExport = z.infer<typeof ArkasExportSchema>;

const report = { report: StatutoryReportSchema, dueDate: LocalDateSchema };
const at = { at: IsoInstantSchema };

export const schoolReportingEventDataSchemas = {
  SchoolReportingOpened: z.object({
    schoolId: IdSchema,
    regionId: IdSchema,
    budgetYear: z.number().int().min(2000).max(2100),
    timeZone: z.string().min(1),
    dueDates: z.object({ stage_one: LocalDateSchema, annual: LocalDateSchema }),
    ...at,
  }),
  StatutoryReminderIssued: z.object({ ...report, offsetWorkingDays: z.number().int().min(0), recipientRole: StatutoryRecipientSchema, ...at }),
  StatutoryDeadlineMissed: z.object({ ...report, ...at }),
  StatutoryEscalationRaised: z.object({ ...report, level: z.number().int().min(1).max(10), toRole: StatutoryRecipientSchema, ...at }),
  StatutoryReportSubmitted: z.object({ report: StatutoryReportSchema, submittedOn: LocalDateSchema, evidence: ArkasExportSchema, by: IdSchema, ...at }),
} as const;

export type SchoolReportingEventType = keyof typeof schoolReportingEventDataSchemas;
export type SchoolReportingEventData<T extends SchoolReportingEventType> = z.infer<(typeof schoolReportingEventDataSchemas)[T]>;
export type SchoolReportingEventOf<T extends SchoolReportingEventType> = { type: T; v: 1; data: SchoolReportingEventData<T> };
export type SchoolReportingEvent = { [T in SchoolReportingEventType]: SchoolReportingEventOf<T> }[SchoolReportingEventType];

export function schoolReportingEvent<T extends SchoolReportingEventType>(type: T, data: SchoolReportingEventData<T>): SchoolReportingEventOf<T> {
  return { type, v: 1, data } as SchoolReportingEventOf<T>;
}

export const schoolReportingPayloadSchemas = {
  OpenSchoolReporting: schoolReportingEventDataSchemas.SchoolReportingOpened.omit({ at: true }),
  RecordStatutoryReminder: schoolReportingEventDataSchemas.StatutoryReminderIssued.omit({ at: true }),
  RecordStatutoryDeadlineMissed: schoolReportingEventDataSchemas.StatutoryDeadlineMissed.omit({ at: true }),
  RecordStatutoryEscalation: schoolReportingEventDataSchemas.StatutoryEscalationRaised.omit({ at: true }),
  RecordReportSubmission: z.object({ report: StatutoryReportSchema, submittedOn: LocalDateSchema, evidence: ArkasExportSchema }),
} as const;

export type SchoolReportingCommandType = keyof typeof schoolReportingPayloadSchemas;
export const SCHOOL_REPORTING_COMMAND_TYPES = Object.keys(schoolReportingPayloadSchemas) as SchoolReportingCommandType[];
/** The commands people send (through the API, signed); the others are the workflow's own. */
export const SCHOOL_REPORTING_USER_COMMANDS: readonly SchoolReportingCommandType[] = ['RecordReportSubmission'];

function commandSchema<T extends SchoolReportingCommandType>(type: T) {
  return z.object({
    commandId: z.string().min(1).max(200),
    type: z.literal(type),
    actor: ActorSchema,
    now: IsoInstantSchema,
    payload: schoolReportingPayloadSchemas[type] as (typeof schoolReportingPayloadSchemas)[T],
  });
}

export const SchoolReportingCommandSchema = z.discriminatedUnion('type', [
  commandSchema('OpenSchoolReporting'),
  commandSchema('RecordStatutoryReminder'),
  commandSchema('RecordStatutoryDeadlineMissed'),
  commandSchema('RecordStatutoryEscalation'),
  commandSchema('RecordReportSubmission'),
]);
export type SchoolReportingCommand = z.infer<typeof SchoolReportingCommandSchema>;

export interface StatutoryReportState {
  dueDate: string;
  status: 'open' | 'submitted';
  submittedOn?: string;
  submittedBy?: string;
  evidence?: ArkasExport;
  /** Reminders, missed notice and escalations already recorded, by key: each is recorded once. */
  notices: string[];
}

export type SchoolReportingState =
  | { status: 'none' }
  | {
      status: 'open';
      schoolId: string;
      regionId: string;
      budgetYear: number;
      timeZone: string;
      reports: Record<StatutoryReport, StatutoryReportState>;
    };
export type OpenSchoolReporting = Extract<SchoolReportingState, { status: 'open' }>;

export const initialSchoolReportingState = (): SchoolReportingState => ({ status: 'none' });
export const isSchoolReporting = (s: SchoolReportingState): s is OpenSchoolReporting => s.status === 'open';

/** The stream (and, with the prefix of its workflow, the workflow id) of one school's budget year. */
export function schoolReportingStreamId(schoolId: string, budgetYear: number): string {
  return `school-reporting-${schoolId}-${budgetYear}`;
}
export const SCHOOL_REPORTING_STREAM_PREFIX = 'school-reporting-';
