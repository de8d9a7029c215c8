import { z } from 'zod';
import { DeadlinePolicySchema, DeadlineRole, EscalationTarget, Stage, StageSchema } from './deadline-policy';
import { LocalDate, LocalDateSchema } from './local-date';
import { InstantSchema, LocalTimeSchema, TimeZoneSchema } from './zoned-time';

/** Activity statuses that end the execute deadline. `done` ones get a documentation deadline. */
export const FINISHED_ACTIVITY_STATUSES = ['done', 'dropped'] as const;

/** The key of the committee sign-off deadline, which lives in the report stage. */
export const SIGN_OFF_DEADLINE_KEY = 'report:sign-off';

export const ScheduleActivitySchema = z.object({
  id: z.string().min(1),
  window: z
    .object({ start: LocalDateSchema, end: LocalDateSchema })
    .refine((w) => w.start <= w.end, 'window.start must not be after window.end'),
  /** Any status string; only `done` and `dropped` mean something here. */
  status: z.string().min(1),
  /** The day the activity really ended, when recorded; used instead of window.end for documentation. */
  actualEnd: LocalDateSchema.optional(),
});
export type ScheduleActivity = z.infer<typeof ScheduleActivitySchema>;

export const DeadlineExtensionSchema = z.object({
  stage: StageSchema,
  /** Limits the extension to one activity's deadline; without it, every deadline of the stage. */
  activityId: z.string().min(1).optional(),
  /** Limits the extension to one deadline by key (the only way to extend `report:sign-off`). */
  deadlineKey: z.string().min(1).optional(),
  newDueDate: LocalDateSchema,
});
export type DeadlineExtension = z.infer<typeof DeadlineExtensionSchema>;

export const StageScheduleInputSchema = z.object({
  programId: z.string().min(1),
  stage: StageSchema,
  budgetYear: z.number().int().min(2000).max(2200),
  timeZone: TimeZoneSchema,
  stageStartedAt: InstantSchema,
  policy: DeadlinePolicySchema,
  activities: z.array(ScheduleActivitySchema).default([]),
  /** When the report was submitted: the report stage then schedules the committee sign-off. */
  submittedAt: InstantSchema.optional(),
  /** In the order they were granted: for one deadline, the last matching extension wins. */
  extensions: z.array(DeadlineExtensionSchema).default([]),
  calendar: z.object({
    holidays: z.array(LocalDateSchema).default([]),
    extraDaysOff: z.array(LocalDateSchema).default([]),
  }),
  reminderLocalTime: LocalTimeSchema.default('08:00'),
});
export type StageScheduleInput = z.input<typeof StageScheduleInputSchema>;
export type ParsedStageScheduleInput = z.infer<typeof StageScheduleInputSchema>;

export interface ScheduledReminder {
  offsetWorkingDays: number;
  date: LocalDate;
  /** UTC instant of `reminderLocalTime` on `date` in the program's zone. */
  at: string;
}

export interface ScheduledEscalation {
  /** 1-based position in the escalation chain. */
  level: number;
  afterWorkingDays: number;
  /** As in the policy: `owner` is the deadline's owner (the person in charge for activities). */
  toRole: EscalationTarget;
  date: LocalDate;
  at: string;
}

export interface ScheduledDeadline {
  /** Stable: `plan`, `assign`, `report`, `report:sign-off`, `execute:<activityId>`, `document:<activityId>`. */
  key: string;
  stage: Stage;
  activityId?: string;
  /** Always a working day: a date that falls on a day off moves to the previous working day. */
  dueDate: LocalDate;
  /** End of the due day, exclusive: local 00:00 of the next day as UTC — the first late instant. */
  dueInstant: string;
  ownerRole: DeadlineRole;
  /** True when an extension set the due date. */
  extended: boolean;
  reminders: ScheduledReminder[];
  escalations: ScheduledEscalation[];
}

/** Plain JSON: safe to return from a Temporal activity. */
export interface StageSchedule {
  programId: string;
  stage: Stage;
  budgetYear: number;
  timeZone: string;
  policyVersion: number;
  stageStartedAt: string;
  reminderLocalTime: string;
  deadlines: ScheduledDeadline[];
}
