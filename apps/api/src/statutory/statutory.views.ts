// What the statutory deadline routes answer (the web app reads these as types).
export type StatutoryReportKind = 'stage_one' | 'annual';

/** open: not due yet; due_soon: within 7 days; overdue: past the due date; submitted: recorded. */
export type StatutoryDeadlineStatus = 'open' | 'due_soon' | 'overdue' | 'submitted';

export interface StatutoryDeadlineView {
  report: StatutoryReportKind;
  dueDate: string;
  status: StatutoryDeadlineStatus;
  submittedOn: string | null;
  submittedBy: string | null;
  evidence: { sha256: string; filename: string; size: number; mimeType: string } | null;
  lastReminderAt: string | null;
  escalationLevel: number;
  /** Annual report only: the cut of next year's stage I payment its (actual or today's) submission date means. */
  cut: { window: string; percent: number; forfeitsStageOne: boolean } | null;
}

export interface StatutoryDeadlinesView {
  schoolId: string;
  schoolName: string;
  budgetYear: number;
  today: string;
  deadlines: StatutoryDeadlineView[];
}
