import { Inject, Injectable } from '@nestjs/common';
import { annualReportPenalty, localDateOf, statutoryDueDates, addDays } from '@mutu/calendar';
import type { Actor } from '@mutu/domain';
import { DataSource } from 'typeorm';
import { schoolInScope } from '../common/school-scope';
import { SchoolReportingGateway } from './school-reporting-gateway.service';
import type { StatutoryDeadlineStatus, StatutoryDeadlinesView, StatutoryDeadlineView, StatutoryReportKind } from './statutory.views';

interface DeadlineRow {
  report: StatutoryReportKind;
  due_date: string;
  status: 'open' | 'submitted';
  submitted_on: string | null;
  submitted_by: string | null;
  evidence: StatutoryDeadlineView['evidence'];
  last_reminder_at: Date | null;
  escalation_level: number;
}

const REPORTS: StatutoryReportKind[] = ['stage_one', 'annual'];

/**
 * A school's two statutory report deadlines of a budget year, from the read model. The year's
 * workflow is started on the first look (until then its reminders are not scheduled); until its
 * opening is recorded the statutory dates are shown as open.
 */
@Injectable()
export class ListStatutoryDeadlinesUseCase {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(SchoolReportingGateway) private readonly gateway: SchoolReportingGateway,
  ) {}

  async execute(actor: Actor, schoolId: string, budgetYear: number): Promise<StatutoryDeadlinesView> {
    const school = await schoolInScope(this.ds, actor, schoolId);
    let rows = await this.rows(schoolId, budgetYear);
    if (rows.length === 0) {
      await this.gateway.ensure({ schoolId, regionId: school.region_id, budgetYear, timeZone: school.time_zone });
      rows = await this.rows(schoolId, budgetYear);
    }
    const today = localDateOf(new Date().toISOString(), school.time_zone);
    const due = statutoryDueDates(budgetYear);
    const byReport = new Map(rows.map((r) => [r.report, r]));
    const deadlines = REPORTS.map((report) => view(report, byReport.get(report), due[report], budgetYear, today));
    return { schoolId, schoolName: school.name, budgetYear, today, deadlines };
  }

  private rows(schoolId: string, budgetYear: number): Promise<DeadlineRow[]> {
    return this.ds.query(
      `SELECT report, to_char(due_date, 'YYYY-MM-DD') AS due_date, status, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on, submitted_by,
              evidence, last_reminder_at, escalation_level
         FROM statutory_deadlines WHERE school_id = $1 AND budget_year = $2`,
      [schoolId, budgetYear],
    );
  }
}

function view(report: StatutoryReportKind, row: DeadlineRow | undefined, dueDate: string, budgetYear: number, today: string): StatutoryDeadlineView {
  const submitted = row?.status === 'submitted';
  const status: StatutoryDeadlineStatus = submitted ? 'submitted' : today > dueDate ? 'overdue' : addDays(today, 7) >= dueDate ? 'due_soon' : 'open';
  const cutOn = submitted ? row?.submitted_on ?? today : today;
  const penalty = report === 'annual' && (submitted || today > dueDate) ? annualReportPenalty(budgetYear, cutOn) : null;
  return {
    report,
    dueDate: row?.due_date ?? dueDate,
    status,
    submittedOn: row?.submitted_on ?? null,
    submittedBy: row?.submitted_by ?? null,
    evidence: row?.evidence ?? null,
    lastReminderAt: row?.last_reminder_at ? new Date(row.last_reminder_at).toISOString() : null,
    escalationLevel: row?.escalation_level ?? 0,
    cut: penalty,
  };
}
