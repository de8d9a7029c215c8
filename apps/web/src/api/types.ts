// Shapes the UI reads. Program state types come from the domain (types only, erased at build);
// list/inbox/audit rows are normalised because read models may use snake_case columns.
import type { PendingDecision, Program, ProgramState } from '@mutu/domain';

export type {
  ActivityState,
  Attendee,
  CampaignTeamRole,
  ClusterRole,
  Evidence,
  EvidenceFile,
  Material,
  PendingDecision,
  Period,
  Plan,
  PlannedActivity,
  Program,
  ProgramState,
  ReportSections,
  RtlAction,
  Stage,
} from '@mutu/domain';

export interface ProgramView {
  programId: string;
  schoolId: string;
  regionId: string;
  budgetYear: number;
  title: string;
  stage: string;
  version: number;
  pendingDecisions: PendingDecision[];
  state: ProgramState;
  /** The school's name and NPSN (GET /programs/:id). */
  school?: { schoolId: string; name: string; npsn: string | null } | null;
  /** Name and roles of every user the program mentions, by user id (GET /programs/:id). */
  people?: Record<string, { name: string; roles: string[] }>;
}

export const programOf = (view: ProgramView): Program | null => (view.state.status === 'none' ? null : (view.state as Program));

type Row = Record<string, unknown>;
const pick = (r: Row, ...keys: string[]): unknown => keys.map((k) => r[k]).find((v) => v !== undefined);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : v == null ? null : String(v));
const num = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : null);

export interface ProgramListItem {
  programId: string;
  schoolId: string;
  budgetYear: number;
  title: string;
  stage: string;
  progress: number;
  nextDueDate: string | null;
  overdue: boolean;
}

export function toListItem(r: Row): ProgramListItem {
  const progress = num(pick(r, 'progress')) ?? 0;
  return {
    programId: str(pick(r, 'programId', 'program_id')) ?? '',
    schoolId: str(pick(r, 'schoolId', 'school_id')) ?? '',
    budgetYear: num(pick(r, 'budgetYear', 'budget_year')) ?? 0,
    title: str(pick(r, 'title')) ?? '',
    stage: str(pick(r, 'stage')) ?? '',
    // Accept a fraction (0..1) or a percentage.
    progress: progress > 1 ? progress / 100 : progress,
    nextDueDate: str(pick(r, 'nextDueDate', 'next_due_date'))?.slice(0, 10) ?? null,
    overdue: pick(r, 'overdue') === true,
  };
}

export interface Task {
  taskId: string;
  programId: string;
  programTitle: string | null;
  kind: string;
  stage: string;
  role: string;
  activityId: string | null;
  since: string | null;
  dueDate: string | null;
}

export function toTask(r: Row): Task {
  return {
    taskId: str(pick(r, 'taskId', 'task_id', 'id')) ?? '',
    programId: str(pick(r, 'programId', 'program_id')) ?? '',
    programTitle: str(pick(r, 'programTitle', 'title')),
    kind: str(pick(r, 'kind')) ?? '',
    stage: str(pick(r, 'stage')) ?? '',
    role: str(pick(r, 'role')) ?? '',
    activityId: str(pick(r, 'activityId', 'activity_id')),
    since: str(pick(r, 'since')),
    dueDate: str(pick(r, 'dueDate', 'due_date'))?.slice(0, 10) ?? null,
  };
}

export interface StoredEvent {
  version: number;
  type: string;
  at: string | null;
  actor: string | null;
  role: string | null;
  hash: string | null;
  prevHash: string | null;
}

export function toStoredEvent(r: Row): StoredEvent {
  const data = (pick(r, 'data', 'payload') ?? {}) as Row;
  const metadata = (pick(r, 'metadata') ?? {}) as Row;
  // `actor` is either an object {userId, role} or a plain id.
  const actorField = pick(r, 'actor', 'who');
  const actorObj = (typeof actorField === 'object' && actorField !== null ? actorField : {}) as Row;
  return {
    version: num(pick(r, 'version')) ?? 0,
    type: str(pick(r, 'type')) ?? '',
    at: str(pick(r, 'occurredAt', 'occurred_at', 'at') ?? pick(data, 'at')),
    actor: str(pick(actorObj, 'userId') ?? (typeof actorField === 'string' ? actorField : undefined) ?? pick(data, 'by') ?? pick(metadata, 'actorId')),
    role: str(pick(actorObj, 'role') ?? pick(data, 'role')),
    hash: str(pick(r, 'hash')),
    prevHash: str(pick(r, 'prevHash', 'prev_hash')),
  };
}

export interface TimelineEntry {
  version: number;
  text: string;
  who: string | null;
}

export function toTimelineEntry(r: Row): TimelineEntry {
  const who = (pick(r, 'who') ?? {}) as Row;
  return { version: num(pick(r, 'version')) ?? 0, text: str(pick(r, 'text', 'what')) ?? '', who: str(pick(who, 'name')) };
}

/** Accepts `{items}`, `{events}`, `{entries}` or a bare array. */
export function itemsOf(body: unknown, ...keys: string[]): Row[] {
  if (Array.isArray(body)) return body as Row[];
  const b = (body ?? {}) as Row;
  for (const k of ['items', ...keys]) if (Array.isArray(b[k])) return b[k] as Row[];
  return [];
}

export interface CalendarEntry {
  date: string;
  kind: 'due' | 'reminder' | 'escalation' | 'holiday' | 'day_off';
  stage: string | null;
  programId: string | null;
  activityId: string | null;
  /** A holiday's or day off's name; an escalation's target role. */
  label: string | null;
  extended: boolean;
}

const rowsAt = (v: unknown): Row[] => (Array.isArray(v) ? (v as Row[]) : []);

/**
 * Flattens GET /calendar/schools/:schoolId/:year — `{deadlines: [{dueDate, reminders, escalations,
 * ...}], holidays, daysOff}` — into dated entries, sorted by date.
 */
export function calendarEntries(body: unknown): CalendarEntry[] {
  const b = (body ?? {}) as Row;
  const out: CalendarEntry[] = [];
  for (const d of rowsAt(b.deadlines)) {
    const base = {
      stage: str(pick(d, 'stage')),
      programId: str(pick(d, 'programId', 'program_id')),
      activityId: str(pick(d, 'activityId', 'activity_id')),
      extended: pick(d, 'extended') === true,
    };
    const due = str(pick(d, 'dueDate', 'due_date'));
    if (due) out.push({ ...base, date: due.slice(0, 10), kind: 'due', label: null });
    for (const r of rowsAt(d.reminders)) {
      const date = str(pick(r, 'date'));
      if (date) out.push({ ...base, date, kind: 'reminder', label: null });
    }
    for (const e of rowsAt(d.escalations)) {
      const date = str(pick(e, 'date'));
      if (date) out.push({ ...base, date, kind: 'escalation', label: str(pick(e, 'toRole')) });
    }
  }
  const none = { stage: null, programId: null, activityId: null, extended: false };
  for (const h of rowsAt(b.holidays)) {
    const date = str(pick(h, 'date'));
    if (date) out.push({ ...none, date, kind: 'holiday', label: str(pick(h, 'name')) });
  }
  for (const h of rowsAt(b.daysOff)) {
    const date = str(pick(h, 'date'));
    if (date) out.push({ ...none, date, kind: 'day_off', label: str(pick(h, 'name')) });
  }
  const order = { holiday: 0, day_off: 1, reminder: 2, due: 3, escalation: 4 };
  return out.sort((x, y) => x.date.localeCompare(y.date) || order[x.kind] - order[y.kind]);
}

// Campaign views: the API's own declaration of what the campaign routes answer (types only).
export type {
  CampaignDashboardView,
  CampaignSummaryView,
  ClusterDetailView,
  ClusterRowView,
  MaterialCoverageView,
  MeetingCellView,
  MeetingDetailView,
  MeetingStatus,
  RtlView,
} from '../../../api/src/campaigns/campaign.views';

export interface ImportSummary {
  campaignId: string;
  clusters: number;
  schools: number;
  meetings: number;
  teamMembers: number;
  created: boolean;
  dryRun: boolean;
}
