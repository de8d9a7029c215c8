// decideSchoolReporting(command, state) → events, or throws a DomainError; evolveSchoolReporting
// folds them. Pure: time comes on the command, the due dates on the opening (computed from the
// statutory calendar by the worker).
import { hasRole, isInScope } from '../actor';
import { DomainError } from '../errors';
import {
  initialSchoolReportingState,
  isSchoolReporting,
  schoolReportingEvent,
  type OpenSchoolReporting,
  type SchoolReportingCommand,
  type SchoolReportingEvent,
  type SchoolReportingState,
  type StatutoryReport,
} from './school-reporting.schemas';

/** The key a reminder, missed notice or escalation is recorded under: once per report and due date. */
export function statutoryNoticeKey(kind: 'reminder' | 'missed' | 'escalation', n: number, dueDate: string): string {
  return `${kind}:${n}:${dueDate}`;
}

/** The local date of an instant in a zone (the submission may not lie in the school's future). */
function localDate(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

export function decideSchoolReporting(command: SchoolReportingCommand, state: SchoolReportingState): SchoolReportingEvent[] {
  if (command.type === 'OpenSchoolReporting') {
    if (!hasRole(command.actor, 'system')) throw new DomainError('FORBIDDEN_ROLE', "A school's statutory reports are opened by Mutu itself.");
    if (isSchoolReporting(state)) throw new DomainError('ALREADY_EXISTS', "This school's reporting year is already open.");
    return [schoolReportingEvent('SchoolReportingOpened', { ...command.payload, at: command.now })];
  }
  if (!isSchoolReporting(state)) throw new DomainError('NOT_FOUND', "This school's reporting year is not open.");
  const open = (report: StatutoryReport, kind: string) => {
    if (state.reports[report].status === 'submitted') throw new DomainError('ALREADY_SUBMITTED', `The ${report} report is already submitted; no ${kind} is due.`);
  };
  const once = (report: StatutoryReport, key: string) => {
    if (state.reports[report].notices.includes(key)) throw new DomainError('DUPLICATE_REMINDER', `${key} of the ${report} report is already recorded.`);
  };
  const system = () => {
    if (!hasRole(command.actor, 'system')) throw new DomainError('FORBIDDEN_ROLE', 'Reminders and escalations are recorded by Mutu itself.');
  };
  switch (command.type) {
    case 'RecordStatutoryReminder': {
      const p = command.payload;
      system();
      open(p.report, 'reminder');
      once(p.report, statutoryNoticeKey('reminder', p.offsetWorkingDays, p.dueDate));
      return [schoolReportingEvent('StatutoryReminderIssued', { ...p, at: command.now })];
    }
    case 'RecordStatutoryDeadlineMissed': {
      const p = command.payload;
      system();
      open(p.report, 'missed-deadline notice');
      once(p.report, statutoryNoticeKey('missed', 0, p.dueDate));
      return [schoolReportingEvent('StatutoryDeadlineMissed', { ...p, at: command.now })];
    }
    case 'RecordStatutoryEscalation': {
      const p = command.payload;
      system();
      open(p.report, 'escalation');
      once(p.report, statutoryNoticeKey('escalation', p.level, p.dueDate));
      return [schoolReportingEvent('StatutoryEscalationRaised', { ...p, at: command.now })];
    }
    case 'RecordReportSubmission':
      return decideSubmission(command, state);
    default: {
      const never: never = command;
      return never;
    }
  }
}

function decideSubmission(c: Extract<SchoolReportingCommand, { type: 'RecordReportSubmission' }>, s: OpenSchoolReporting): SchoolReportingEvent[] {
  if (!isInScope(c.actor, s)) throw new DomainError('OUT_OF_SCOPE', 'This school is outside your scope.');
  if (!hasRole(c.actor, 'principal')) throw new DomainError('FORBIDDEN_ROLE', "The school's principal records the statutory report submissions.");
  const { report, submittedOn } = c.payload;
  if (s.reports[report].status === 'submitted') {
    throw new DomainError('ALREADY_SUBMITTED', `The ${report} report was already submitted on ${s.reports[report].submittedOn}.`);
  }
  const today = localDate(c.now, s.timeZone);
  if (submittedOn > today) {
    throw new DomainError('INVALID_SUBMISSION_DATE', `A submission date cannot lie in the future (today is ${today}).`, { submittedOn, today });
  }
  // Stage I covers January–June of the budget year, the annual report the whole year: neither can be
  // submitted before the period it reports on has begun.
  const earliest = report === 'stage_one' ? `${s.budgetYear}-01-01` : `${s.budgetYear}-07-01`;
  if (submittedOn < earliest) {
    throw new DomainError('INVALID_SUBMISSION_DATE', `The ${report} report of ${s.budgetYear} cannot be submitted before ${earliest}.`, { submittedOn, earliest });
  }
  return [schoolReportingEvent('StatutoryReportSubmitted', { ...c.payload, by: c.actor.userId, at: c.now })];
}

export function evolveSchoolReporting(state: SchoolReportingState, event: SchoolReportingEvent): SchoolReportingState {
  if (event.type === 'SchoolReportingOpened') {
    const d = event.data;
    const report = (dueDate: string) => ({ dueDate, status: 'open' as const, notices: [] });
    return {
      status: 'open',
      schoolId: d.schoolId,
      regionId: d.regionId,
      budgetYear: d.budgetYear,
      timeZone: d.timeZone,
      reports: { stage_one: report(d.dueDates.stage_one), annual: report(d.dueDates.annual) },
    };
  }
  if (!isSchoolReporting(state)) return state;
  const withReport = (r: StatutoryReport, patch: (x: OpenSchoolReporting['reports'][StatutoryReport]) => OpenSchoolReporting['reports'][StatutoryReport]) => ({
    ...state,
    reports: { ...state.reports, [r]: patch(state.reports[r]) },
  });
  const noted = (r: StatutoryReport, key: string) => withReport(r, (x) => ({ ...x, notices: [...x.notices, key] }));
  switch (event.type) {
    case 'StatutoryReminderIssued':
      return noted(event.data.report, statutoryNoticeKey('reminder', event.data.offsetWorkingDays, event.data.dueDate));
    case 'StatutoryDeadlineMissed':
      return noted(event.data.report, statutoryNoticeKey('missed', 0, event.data.dueDate));
    case 'StatutoryEscalationRaised':
      return noted(event.data.report, statutoryNoticeKey('escalation', event.data.level, event.data.dueDate));
    case 'StatutoryReportSubmitted': {
      const d = event.data;
      return withReport(d.report, (x) => ({ ...x, status: 'submitted', submittedOn: d.submittedOn, submittedBy: d.by, evidence: d.evidence }));
    }
    default: {
      const never: never = event;
      return never;
    }
  }
}

export function foldSchoolReporting(events: readonly SchoolReportingEvent[]): SchoolReportingState {
  return events.reduce(evolveSchoolReporting, initialSchoolReportingState());
}

/** True once both reports are submitted: the year's workflow has nothing left to wait for. */
export function allReportsSubmitted(s: SchoolReportingState): boolean {
  return isSchoolReporting(s) && s.reports.stage_one.status === 'submitted' && s.reports.annual.status === 'submitted';
}
