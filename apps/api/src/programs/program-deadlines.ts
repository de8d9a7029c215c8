import type { Program, ProgramState } from '@mutu/domain';
import type { DataSource } from 'typeorm';

interface DeadlineDbRow {
  deadline_key: string;
  stage: string;
  activity_id: string | null;
  due_date: string;
  owner_role: string;
  extended: boolean;
  reminders: { offsetWorkingDays: number; date: string; at: string }[];
  escalations: { level: number; toRole: string; date: string; at: string }[];
}

/** One deadline of the program's current stage, as the program page lists it. */
export interface DeadlineView {
  key: string;
  stage: string;
  activityId: string | null;
  activityTitle: string | null;
  dueDate: string;
  ownerRole: string;
  extended: boolean;
  /** Reminders recorded for this deadline (the program's events), oldest first. */
  remindersSent: { kind: string; dueDate: string; recipientRole: string; at: string }[];
  /** Reminders still to come (the schedule), with their working-day offsets. */
  remindersScheduled: { offsetWorkingDays: number; date: string }[];
  /** Every extension granted for it, in order: the last one set the due date. */
  extensions: { newDueDate: string; reason: string; by: string; at: string }[];
  missed: boolean;
  escalations: { level: number; toRole: string; at: string }[];
}

/** The deadlines read model of one program (the schedule of its current stage). */
export async function deadlineRowsOf(ds: Pick<DataSource, 'query'>, programId: string): Promise<DeadlineDbRow[]> {
  return ds.query(
    `SELECT deadline_key, stage, activity_id, to_char(due_date, 'YYYY-MM-DD') AS due_date, owner_role, extended, reminders, escalations
       FROM deadlines WHERE program_id = $1 ORDER BY due_date, deadline_key`,
    [programId],
  );
}

/**
 * The schedule joined with what the program's events say happened: reminders sent, extensions,
 * missed deadlines and escalations of the same stage and activity (any due date: an extension
 * moves the date, and the history before it still belongs to the deadline).
 */
export function deadlineViews(state: ProgramState, rows: DeadlineDbRow[]): DeadlineView[] {
  if (!('programId' in state)) return [];
  const p: Program = state;
  const same = (x: { stage: string; activityId: string | null }, r: DeadlineDbRow) => x.stage === r.stage && (x.activityId ?? null) === r.activity_id;
  const now = new Date().toISOString();
  return rows.map((r) => {
    const extensions = p.deadlineExtensions.filter((x) => same(x, r));
    return {
      key: r.deadline_key,
      stage: r.stage,
      activityId: r.activity_id,
      activityTitle: r.activity_id ? (p.plan.activities.find((a) => a.id === r.activity_id)?.title ?? null) : null,
      dueDate: r.due_date,
      ownerRole: r.owner_role,
      // Granted before the workflow recomputed the row (then the new due date follows in a moment).
      extended: r.extended || extensions.length > 0,
      remindersSent: p.reminders.filter((x) => same(x, r)).map((x) => ({ kind: x.kind, dueDate: x.dueDate, recipientRole: x.recipientRole, at: x.at })),
      remindersScheduled: (r.reminders ?? []).filter((x) => x.at > now).map((x) => ({ offsetWorkingDays: x.offsetWorkingDays, date: x.date })),
      extensions: extensions.map((x) => ({ newDueDate: x.newDueDate, reason: x.reason, by: x.by, at: x.at })),
      missed: p.missedDeadlines.some((x) => same(x, r) && x.dueDate === r.due_date),
      escalations: p.escalations.filter((x) => same(x, r)).map((x) => ({ level: x.level, toRole: x.toRole, at: x.at })),
    };
  });
}
