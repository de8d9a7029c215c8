import { DeadlineRole, Stage } from './deadline-policy';
import { LocalDate } from './local-date';
import { ScheduledDeadline, StageSchedule } from './schedule.types';

export type ScheduledItemKind = 'reminder' | 'due' | 'escalation';

export interface ScheduledItem {
  at: string;
  kind: ScheduledItemKind;
  deadlineKey: string;
  stage: Stage;
  activityId?: string;
  dueDate: LocalDate;
  /** The role addressed; an escalation `toRole: 'owner'` is resolved to the deadline's owner role. */
  recipientRole: DeadlineRole;
  /** True when the item is for the deadline's owner (for activities: the person in charge). */
  toOwner: boolean;
  /** Reminder offset in working days, 0 for `due`, escalation level for `escalation`. */
  offsetOrLevel: number;
  /**
   * `${programId}:${deadlineKey}:${kind}:${dueDate}:${recipientRole}:${offsetOrLevel}`. For
   * stage-wide deadlines the deadline key is the stage; activity deadlines add the activity id
   * (`document:act-3`) so two activities due the same day do not share a key. An extension
   * changes the due date and so the keys, which re-arms the reminders for the new date.
   */
  idempotencyKey: string;
}

const KIND_ORDER: Record<ScheduledItemKind, number> = { reminder: 0, due: 1, escalation: 2 };

function itemsOf(programId: string, d: ScheduledDeadline): ScheduledItem[] {
  const item = (
    at: string,
    kind: ScheduledItemKind,
    recipientRole: DeadlineRole,
    toOwner: boolean,
    offsetOrLevel: number,
  ): ScheduledItem => ({
    at,
    kind,
    deadlineKey: d.key,
    stage: d.stage,
    ...(d.activityId === undefined ? {} : { activityId: d.activityId }),
    dueDate: d.dueDate,
    recipientRole,
    toOwner,
    offsetOrLevel,
    idempotencyKey: `${programId}:${d.key}:${kind}:${d.dueDate}:${recipientRole}:${offsetOrLevel}`,
  });
  return [
    ...d.reminders.map((r) => item(r.at, 'reminder', d.ownerRole, true, r.offsetWorkingDays)),
    item(d.dueInstant, 'due', d.ownerRole, true, 0),
    ...d.escalations.map((e) =>
      e.toRole === 'owner'
        ? item(e.at, 'escalation', d.ownerRole, true, e.level)
        : item(e.at, 'escalation', e.toRole, false, e.level),
    ),
  ];
}

/** Every reminder, due instant and escalation of a schedule, sorted by time (then a stable order). */
export function flattenSchedule(schedule: StageSchedule): ScheduledItem[] {
  return schedule.deadlines
    .flatMap((d) => itemsOf(schedule.programId, d))
    .sort(
      (a, b) =>
        Date.parse(a.at) - Date.parse(b.at) ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        (a.idempotencyKey < b.idempotencyKey ? -1 : a.idempotencyKey > b.idempotencyKey ? 1 : 0),
    );
}

/** The first scheduled instant strictly after `afterInstant`, or null when nothing is left. */
export function nextScheduledInstant(schedule: StageSchedule, afterInstant: string): string | null {
  const after = Date.parse(afterInstant);
  if (Number.isNaN(after)) throw new RangeError(`Not an ISO instant: ${JSON.stringify(afterInstant)}`);
  let next: number | null = null;
  for (const item of flattenSchedule(schedule)) {
    const t = Date.parse(item.at);
    if (t > after && (next === null || t < next)) next = t;
  }
  return next === null ? null : new Date(next).toISOString();
}

/** Items with `afterExclusive < at <= upToInclusive`: what fell due since the last wake-up. */
export function scheduledItemsBetween(
  schedule: StageSchedule,
  afterExclusive: string,
  upToInclusive: string,
): ScheduledItem[] {
  const from = Date.parse(afterExclusive);
  const to = Date.parse(upToInclusive);
  return flattenSchedule(schedule).filter((i) => {
    const t = Date.parse(i.at);
    return t > from && t <= to;
  });
}
