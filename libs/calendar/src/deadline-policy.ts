import { z } from 'zod';

export const STAGES = ['plan', 'assign', 'execute', 'document', 'report'] as const;
export const StageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof StageSchema>;

export const DeadlineRoleSchema = z.enum([
  'principal',
  'qa_team',
  'staff',
  'committee',
  'supervisor',
  'district_officer',
]);
export type DeadlineRole = z.infer<typeof DeadlineRoleSchema>;

/** `owner` means "whoever owns the deadline" (the person in charge, for activity deadlines). */
export const EscalationTargetSchema = z.union([z.literal('owner'), DeadlineRoleSchema]);
export type EscalationTarget = z.infer<typeof EscalationTargetSchema>;

export const EscalationStepSchema = z.object({
  afterWorkingDays: z.number().int().min(1).max(60),
  toRole: EscalationTargetSchema,
});
export type EscalationStep = z.infer<typeof EscalationStepSchema>;

const ReminderOffsetsSchema = z
  .array(z.number().int().min(0).max(60))
  .refine((a) => new Set(a).size === a.length, 'reminder offsets must be distinct');

const EscalationChainSchema = z
  .array(EscalationStepSchema)
  .refine(
    (a) => a.every((s, i) => i === 0 || s.afterWorkingDays > a[i - 1].afterWorkingDays),
    'escalation steps must have strictly increasing afterWorkingDays',
  );

/** `MM-DD` inside the budget year. `02-29` is refused: it does not exist every year. */
const MonthDaySchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be MM-DD')
  .refine((md) => md !== '02-29', '02-29 does not exist in every budget year')
  .refine((md) => {
    const [m, d] = md.split('-').map(Number);
    return d <= [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  }, 'no such day in that month');

/** What every rule may override; unset fields fall back to the policy-wide defaults. */
const RuleCommon = {
  ownerRole: DeadlineRoleSchema,
  reminderOffsetsWorkingDays: ReminderOffsetsSchema.optional(),
  escalations: EscalationChainSchema.optional(),
};

export const DeadlinePolicySchema = z.object({
  version: z.number().int().min(1),
  reminderOffsetsWorkingDays: ReminderOffsetsSchema,
  escalations: EscalationChainSchema,
  plan: z.object({
    ...RuleCommon,
    /** Plan approved by this day of the budget year… */
    approvedBy: MonthDaySchema,
    /** …or this many working days after the stage starts, when that is later (late programs). */
    minWorkingDaysAfterStart: z.number().int().min(1),
  }),
  assign: z.object({
    ...RuleCommon,
    workingDaysAfterStart: z.number().int().min(1),
    /** Assignments done this many working days before the earliest activity window starts. */
    workingDaysBeforeFirstActivity: z.number().int().min(0),
  }),
  execute: z.object({ ...RuleCommon }),
  document: z.object({ ...RuleCommon, workingDaysAfterActivityEnd: z.number().int().min(0) }),
  report: z.object({
    ...RuleCommon,
    dueBy: MonthDaySchema,
    minWorkingDaysAfterStart: z.number().int().min(1),
  }),
  signOff: z.object({ ...RuleCommon, workingDaysAfterSubmission: z.number().int().min(1) }),
  /** Per-activity overrides for the execute and document deadlines. */
  activityOverrides: z
    .array(
      z.object({
        activityId: z.string().min(1),
        stage: z.enum(['execute', 'document']),
        ownerRole: DeadlineRoleSchema.optional(),
        /** document only: replaces `document.workingDaysAfterActivityEnd`. */
        workingDaysAfterActivityEnd: z.number().int().min(0).optional(),
        reminderOffsetsWorkingDays: ReminderOffsetsSchema.optional(),
        escalations: EscalationChainSchema.optional(),
      }),
    )
    .default([]),
});
export type DeadlinePolicy = z.infer<typeof DeadlinePolicySchema>;
export type DeadlinePolicyInput = z.input<typeof DeadlinePolicySchema>;

const DEFAULT_ESCALATIONS: EscalationStep[] = [
  { afterWorkingDays: 1, toRole: 'owner' },
  { afterWorkingDays: 3, toRole: 'principal' },
  { afterWorkingDays: 5, toRole: 'supervisor' },
  { afterWorkingDays: 10, toRole: 'district_officer' },
];

/**
 * Version 1. Why these values:
 * - plan by 31 Jan: BOSP stage I arrives Jan–Feb and the RKAS is already approved before the year
 *   starts, so the implementation plan should be approved within the first month for activities to
 *   use stage I funds; programs started later in the year get 10 working days instead.
 * - assign within 5 working days of the stage start, and at least 1 working day before the first
 *   activity starts (never earlier than 1 working day after the stage start).
 * - execute: each activity's window end; document: 10 working days after the activity ends.
 * - report by 15 December: leaves 10 working days of committee sign-off (with Christmas and
 *   collective leave) before 31 December, and the signed report feeds the BOSP annual report due
 *   31 January; programs whose report stage starts later get 5 working days.
 * - reminders 10, 5, 2, 1 and 0 working days before; escalation owner → principal → supervisor →
 *   district officer after 1, 3, 5 and 10 working days late.
 */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = DeadlinePolicySchema.parse({
  version: 1,
  reminderOffsetsWorkingDays: [10, 5, 2, 1, 0],
  escalations: DEFAULT_ESCALATIONS,
  plan: { ownerRole: 'principal', approvedBy: '01-31', minWorkingDaysAfterStart: 10 },
  assign: { ownerRole: 'principal', workingDaysAfterStart: 5, workingDaysBeforeFirstActivity: 1 },
  execute: { ownerRole: 'staff' },
  document: { ownerRole: 'staff', workingDaysAfterActivityEnd: 10 },
  report: { ownerRole: 'principal', dueBy: '12-15', minWorkingDaysAfterStart: 5 },
  signOff: { ownerRole: 'committee', workingDaysAfterSubmission: 10 },
  activityOverrides: [],
});
