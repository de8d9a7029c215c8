// Value schemas shared by commands, events and state. Plain JSON only: the state crosses
// continue-as-new and is returned by queries.
import { z } from 'zod';
import { RoleSchema } from '../actor';
import { BospComponentCodeSchema } from '../bosp/bosp-components';

/** An ISO-8601 instant with `Z` or an explicit offset, e.g. 2025-03-01T09:00:00+07:00. */
export const IsoInstantSchema = z.iso.datetime({ offset: true });
/** A calendar date in the program's time zone, YYYY-MM-DD. */
export const LocalDateSchema = z.iso.date();
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex characters');
export const IdSchema = z.string().min(1).max(200);
export const ReasonSchema = z.string().max(2000);

export const StageSchema = z.enum(['plan', 'assign', 'execute', 'document', 'report', 'closed', 'cancelled']);
export type Stage = z.infer<typeof StageSchema>;
export const TERMINAL_STAGES: readonly Stage[] = ['closed', 'cancelled'];

/** The 8 national education standards (SNP). */
export const SnpStandardSchema = z.enum([
  'kompetensi_lulusan',
  'isi',
  'proses',
  'penilaian',
  'pendidik_tenaga_kependidikan',
  'sarana_prasarana',
  'pengelolaan',
  'pembiayaan',
]);
export type SnpStandard = z.infer<typeof SnpStandardSchema>;

export const ActivityKindSchema = z.enum([
  'teacher_training',
  'curriculum_development',
  'facilities_procurement',
  'mentoring_visit',
  'other',
]);
export type ActivityKind = z.infer<typeof ActivityKindSchema>;

export const EvidenceKindSchema = z.enum([
  'photo',
  'attendance_list',
  'minutes',
  'assignment_letter',
  'receipt',
  'evaluation',
  'purchase_order',
  'handover_certificate',
  'supplier_quote',
  'materials',
  'follow_up_plan',
  'other',
]);
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;

export const ActivityStatusSchema = z.enum(['planned', 'in_progress', 'done', 'dropped']);
export type ActivityStatus = z.infer<typeof ActivityStatusSchema>;

export const DateWindowSchema = z.object({ start: LocalDateSchema, end: LocalDateSchema });
export type DateWindow = z.infer<typeof DateWindowSchema>;

export const BudgetSchema = z.object({
  /** The budget line's text, e.g. "Pengembangan Profesi Guru dan Tenaga Kependidikan". */
  line: z.string().min(1).max(200),
  /**
   * The BOSP component's code in the budget year's list (checked on SubmitPlan). Absent in plans
   * written before components were data: the fold maps their line by name (budgetComponentOf).
   */
  component: BospComponentCodeSchema.optional(),
  /** Whole rupiah. */
  amount: z.number().int().nonnegative(),
});
export type Budget = z.infer<typeof BudgetSchema>;

/** An activity as written in the plan. Runtime fields (assignment, execution...) live in state. */
export const PlannedActivitySchema = z.object({
  id: IdSchema,
  title: z.string().min(1).max(300),
  kind: ActivityKindSchema,
  window: DateWindowSchema,
  budget: BudgetSchema,
  location: z.string().max(300),
  requiredEvidence: z.array(EvidenceKindSchema),
});
export type PlannedActivity = z.infer<typeof PlannedActivitySchema>;

/**
 * A plan, possibly a draft: lists may be empty and the standard unset. Completeness is checked on
 * SubmitPlan; windows inside the budget year and unique activity ids on every edit.
 */
export const PlanSchema = z.object({
  objectives: z.array(z.string().min(1).max(1000)),
  standard: SnpStandardSchema.nullable(),
  indicators: z.array(z.string().min(1).max(1000)),
  activities: z.array(PlannedActivitySchema).max(200),
});
export type Plan = z.infer<typeof PlanSchema>;

export const AssignmentInputSchema = z.object({
  personInCharge: IdSchema,
  participants: z.array(IdSchema).max(500),
});

export const ExecutionSchema = z.object({
  actualStart: LocalDateSchema,
  actualEnd: LocalDateSchema,
  realisedCost: z.number().int().nonnegative(),
  outcome: z.string().min(1).max(5000),
});
export type Execution = z.infer<typeof ExecutionSchema>;

export const EvidenceFileSchema = z.object({
  sha256: Sha256Schema,
  kind: EvidenceKindSchema,
  filename: z.string().min(1).max(255),
  size: z.number().int().nonnegative(),
  mimeType: z.string().min(1).max(200),
});
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;

export const REPORT_SECTIONS = [
  'background',
  'objectives',
  'targets',
  'expectedResults',
  'placeAndTime',
  'activitiesNarrative',
  'problemsAndSolutions',
  'conclusions',
  'recommendations',
] as const;
export type ReportSectionName = (typeof REPORT_SECTIONS)[number];

const sectionText = z.string().max(50_000);
export const ReportSectionsSchema = z.object({
  background: sectionText,
  objectives: sectionText,
  targets: sectionText,
  expectedResults: sectionText,
  placeAndTime: sectionText,
  activitiesNarrative: sectionText,
  problemsAndSolutions: sectionText,
  conclusions: sectionText,
  recommendations: sectionText,
});
export type ReportSections = z.infer<typeof ReportSectionsSchema>;

export const EMPTY_REPORT_SECTIONS: ReportSections = {
  background: '',
  objectives: '',
  targets: '',
  expectedResults: '',
  placeAndTime: '',
  activitiesNarrative: '',
  problemsAndSolutions: '',
  conclusions: '',
  recommendations: '',
};

export const DecisionSchema = z.enum(['approve', 'reject']);
export type Decision = z.infer<typeof DecisionSchema>;

/** Who may approve: anyone but the workflow itself and the read-only auditor. */
export const ApproverRoleSchema = RoleSchema.exclude(['system', 'auditor']);
export const ApprovalStepSchema = z.object({ role: ApproverRoleSchema, approvals: z.number().int().min(1).max(10) });
/**
 * What a committee member's rejection does while the quorum is not reached: 'any' — one rejection
 * returns the report for revision; 'majority' — the report returns once more than half the quorum
 * has rejected it (floor(quorum / 2) + 1 rejections), single objections stay on record.
 */
export const ReportRejectionRuleSchema = z.enum(['any', 'majority']);
export type ReportRejectionRule = z.infer<typeof ReportRejectionRuleSchema>;
export const ApprovalPolicySchema = z.object({
  plan: ApprovalStepSchema,
  documentation: ApprovalStepSchema,
  report: z.object({
    role: ApproverRoleSchema,
    quorum: z.number().int().min(1).max(20),
    /** Absent in programs created before the rule was written into the policy: they behave as 'any'. */
    rejection: ReportRejectionRuleSchema.optional(),
  }),
});
export type ApprovalPolicy = z.infer<typeof ApprovalPolicySchema>;

/**
 * The policy of a region or school with no policy of its own. Report rejection 'any': the
 * committee's sign-off vouches for the report as a committee decision (Permendikbud 75/2016, see
 * DOMAIN.md), so until a region writes down another rule, one member's reasoned objection sends the
 * report back for revision — the behaviour programs always had.
 */
export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = {
  plan: { role: 'supervisor', approvals: 1 },
  documentation: { role: 'supervisor', approvals: 1 },
  report: { role: 'committee', quorum: 2, rejection: 'any' },
};

/** Which governance policy a program took at creation: its scope and its version in the policy stream. */
export const ApprovalPolicyRefSchema = z.object({
  /** 'default' when neither the region nor the school had a policy (version 0). */
  scope: z.enum(['default', 'region', 'school']),
  regionId: IdSchema,
  schoolId: IdSchema.nullable(),
  /** Version of the policy stream (`policy-<regionId>`) whose event set this policy; 0 for the default. */
  version: z.number().int().nonnegative(),
});
export type ApprovalPolicyRef = z.infer<typeof ApprovalPolicyRefSchema>;

/** Rejections that return a submitted report under the policy's rule. */
export function reportRejectionsToReturn(policy: ApprovalPolicy['report']): number {
  return (policy.rejection ?? 'any') === 'majority' ? Math.floor(policy.quorum / 2) + 1 : 1;
}

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';
