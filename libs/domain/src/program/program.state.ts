// The folded state of one program. Plain JSON (no Map/Set/Date/class): it crosses continue-as-new
// and is returned by workflow queries.
import type { Role } from '../actor';
import type {
  ActivityStatus,
  ApprovalPolicy,
  ApprovalPolicyRef,
  Decision,
  EvidenceKind,
  Execution,
  PlannedActivity,
  ReportSections,
  SnpStandard,
  Stage,
} from './program.schemas';
import type { Expenditure, OverspendAcknowledgement } from './expenditure.schemas';

export interface Assignment {
  personInCharge: string;
  participants: string[];
  assignedBy: string;
  assignedAt: string;
}

export interface Evidence {
  sha256: string;
  kind: EvidenceKind;
  filename: string;
  size: number;
  mimeType: string;
  uploadedBy: string;
  at: string;
}

export interface ActivityState extends PlannedActivity {
  assignment: Assignment | null;
  status: ActivityStatus;
  startedAt: string | null;
  execution: Execution | null;
  dropReason: string | null;
  evidence: Evidence[];
  /** Recorded spending (absent in states folded before it was recorded per expenditure). */
  expenditures?: Expenditure[];
  /** The supervisor's acknowledgement of an overspend, if any. */
  overspendAcknowledgement?: OverspendAcknowledgement | null;
}

export interface PlanState {
  objectives: string[];
  standard: SnpStandard | null;
  indicators: string[];
  activities: ActivityState[];
}

/** A submission waiting for (or having received) its approvals; null when nothing is submitted. */
export interface Submission {
  by: string;
  at: string;
  /** Distinct approvers of this submission so far. */
  approvedBy: string[];
}

export interface ApprovalRecord {
  stage: 'plan' | 'documentation' | 'report' | 'cancellation';
  decision: Decision;
  by: string;
  role: Role;
  reason: string | null;
  at: string;
}

export interface Signature {
  by: string;
  /** The role the member signed in (absent in states folded before it was kept). */
  role?: Role;
  decision: Decision;
  reason: string | null;
  reportSha256: string;
  at: string;
}

export interface ReportState {
  sections: ReportSections;
  /** Hash of the submitted report; null while the report is editable. */
  sha256: string | null;
  /**
   * The program version of the ReportSubmitted event of the current submission: a signer names it
   * with the hash, so a resubmission of identical content is still a new version. Absent in
   * states folded before it was kept.
   */
  submittedVersion?: number | null;
  submittedBy: string | null;
  submittedAt: string | null;
  /** Everyone who edited or submitted the report: they may not sign it. */
  authors: string[];
  /** Signatures on the current (or, after a rejection, the last) submission. */
  signatures: Signature[];
  signedOffAt: string | null;
}

export interface CancellationRequest {
  requestedBy: string;
  reason: string;
  at: string;
}

export interface DeadlineExtension {
  stage: Stage;
  activityId: string | null;
  newDueDate: string;
  reason: string;
  by: string;
  at: string;
}

export interface ReminderRecord {
  stage: Stage;
  kind: string;
  dueDate: string;
  recipientRole: Role;
  recipientUserId: string | null;
  activityId: string | null;
  at: string;
}

export interface MissedDeadline {
  stage: Stage;
  kind: string;
  dueDate: string;
  activityId: string | null;
  at: string;
}

export interface Escalation {
  stage: Stage;
  level: number;
  toRole: Role;
  dueDate: string | null;
  activityId: string | null;
  at: string;
}

export interface NoProgram {
  status: 'none';
  version: number;
}

export interface Program {
  /** Derived from `stage`: 'closed' and 'cancelled' are terminal. */
  status: 'active' | 'closed' | 'cancelled';
  programId: string;
  schoolId: string;
  regionId: string;
  budgetYear: number;
  timeZone: string;
  title: string;
  stage: Stage;
  plan: PlanState;
  planVersion: number;
  /** Creator and every plan editor: none of them may approve the plan (four-eyes). */
  planAuthors: string[];
  approvalPolicy: ApprovalPolicy;
  /** The governance policy version taken at creation; absent for programs created before it was recorded. */
  approvalPolicyRef?: ApprovalPolicyRef | null;
  submissions: { plan: Submission | null; documentation: Submission | null };
  approvals: ApprovalRecord[];
  report: ReportState;
  cancellation: CancellationRequest | null;
  deadlineExtensions: DeadlineExtension[];
  reminders: ReminderRecord[];
  missedDeadlines: MissedDeadline[];
  escalations: Escalation[];
  stageHistory: { stage: Stage; enteredAt: string }[];
  /** Number of events folded. */
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export type ProgramState = NoProgram | Program;

export function initialProgramState(): ProgramState {
  return { status: 'none', version: 0 };
}

export function isProgram(state: ProgramState): state is Program {
  return state.status !== 'none';
}

export function findActivity(state: Program, activityId: string): ActivityState | undefined {
  return state.plan.activities.find((a) => a.id === activityId);
}

/** When the current stage was entered. */
export function stageEnteredAt(state: Program): string {
  return state.stageHistory[state.stageHistory.length - 1]?.enteredAt ?? state.createdAt;
}
