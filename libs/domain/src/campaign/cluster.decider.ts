// decideCluster(command, state) → events, or throws a DomainError. Pure: time comes on the command.
import { DomainError } from '../errors';
import type { ClusterCommand, ClusterCommandOf } from './cluster.commands';
import { clusterEvent, type ClusterEvent } from './cluster.events';
import { evolveCluster } from './cluster.evolve';
import {
  isComplete,
  localDateOf,
  meetingDate,
  requireCluster,
  requireClusterRole,
  requireInPeriod,
  requireMeeting,
  requireOpen,
  type ClusterRole,
} from './cluster.rules';
import { isCluster, rtlOf, type ClusterState, type OpenCluster } from './cluster.state';
import { planIssues } from '../program/plan.rules';
import { rtlProgramCommand } from './rtl-program';

const TEAM: readonly ClusterRole[] = ['organiser', 'trainer', 'agency_staff', 'supervisor', 'principal'];
const RTL_AUTHORS: readonly ClusterRole[] = [...TEAM, 'school'];
const RTL_APPROVERS: readonly ClusterRole[] = ['organiser', 'trainer', 'supervisor'];
const SYSTEM: readonly ClusterRole[] = ['system'];

export function decideCluster(command: ClusterCommand, state: ClusterState): ClusterEvent[] {
  if (command.type === 'OpenCluster') return decideOpen(command, state);
  const s = requireCluster(state, command.actor);
  switch (command.type) {
    case 'RescheduleMeeting':
      return decideReschedule(command, s);
    case 'DocumentMeeting':
      return completing(s, decideDocument(command, s), command.now);
    case 'RecordMeetingReminder':
    case 'RecordMeetingOverdue':
    case 'RecordMeetingEscalation':
      return decideTimer(command, s);
    case 'SubmitRtl':
      return decideSubmitRtl(command, s);
    case 'DecideRtl':
      return completing(s, decideRtl(command, s), command.now);
    case 'RecordRtlProgramOpened':
      return decideProgramOpened(command, s);
    default: {
      const never: never = command;
      return never;
    }
  }
}

/** Appends ClusterCompleted when `events` finish the cluster's last meeting or RTL. */
function completing(s: OpenCluster, events: ClusterEvent[], now: string): ClusterEvent[] {
  const after = events.reduce(evolveCluster, s as ClusterState);
  return isCluster(after) && after.status === 'open' && isComplete(after) ? [...events, clusterEvent('ClusterCompleted', { at: now })] : events;
}

function invalid(message: string, details?: Record<string, unknown>): never {
  throw new DomainError('INVALID_CAMPAIGN', message, details);
}

function decideOpen(c: ClusterCommandOf<'OpenCluster'>, state: ClusterState): ClusterEvent[] {
  if (!c.actor.roles.includes('system')) throw new DomainError('FORBIDDEN_ROLE', 'Clusters are opened by their campaign.');
  if (isCluster(state)) throw new DomainError('ALREADY_EXISTS', 'This cluster is already open.');
  const { cluster, period } = c.payload;
  const positions = cluster.schools.map((sc) => sc.position).sort((a, b) => a - b);
  if (positions.some((p, i) => p !== i)) invalid('A cluster needs one core school (position 0) and impact schools 1..N, each once.', { positions });
  const numbers = cluster.meetings.map((m) => m.number).sort((a, b) => a - b);
  if (numbers.length !== positions.length || numbers.some((n, i) => n !== i + 1)) {
    invalid('A cluster has one meeting per school, numbered 1..N (meeting 1 at the core school).', { numbers });
  }
  const byNumber = [...cluster.meetings].sort((a, b) => a.number - b.number);
  for (const [i, m] of byNumber.entries()) {
    if (m.date < period.start || m.date > period.end) invalid(`Meeting ${m.number} (${m.date}) is outside the period.`, { number: m.number });
    if (i > 0 && m.date < byNumber[i - 1].date) invalid(`Meeting ${m.number} is planned before meeting ${m.number - 1}.`, { number: m.number });
  }
  return [clusterEvent('ClusterOpened', { ...c.payload, at: c.now })];
}

function decideReschedule(c: ClusterCommandOf<'RescheduleMeeting'>, s: OpenCluster): ClusterEvent[] {
  const role = requireClusterRole(c.actor, s, TEAM, 'reschedule a meeting');
  requireOpen(s);
  if (c.payload.reason.trim() === '') throw new DomainError('REASON_REQUIRED', 'A reschedule needs a reason.');
  const m = requireMeeting(s, c.payload.number);
  if (m.status === 'documented') throw new DomainError('MEETING_ALREADY_DOCUMENTED', `Meeting ${m.number} has already been held.`);
  requireInPeriod(s, c.payload.date, 'The new date');
  const prev = s.meetings.find((x) => x.number === m.number - 1);
  const next = s.meetings.find((x) => x.number === m.number + 1);
  if ((prev && c.payload.date < meetingDate(prev)) || (next && next.status === 'scheduled' && c.payload.date > next.plannedDate)) {
    throw new DomainError('MEETING_OUT_OF_ORDER', `Meeting ${m.number} must stay between meetings ${m.number - 1} and ${m.number + 1}.`);
  }
  return [clusterEvent('MeetingRescheduled', { number: m.number, from: m.plannedDate, to: c.payload.date, reason: c.payload.reason, by: c.actor.userId, role, at: c.now })];
}

function decideDocument(c: ClusterCommandOf<'DocumentMeeting'>, s: OpenCluster): ClusterEvent[] {
  const role = requireClusterRole(c.actor, s, TEAM, 'document a meeting');
  requireOpen(s);
  const { number, ...documentation } = c.payload;
  const m = requireMeeting(s, number);
  if (m.status === 'documented') throw new DomainError('MEETING_ALREADY_DOCUMENTED', `Meeting ${number} is already documented.`);
  const prev = s.meetings.find((x) => x.number === number - 1);
  if (prev && prev.status !== 'documented') {
    throw new DomainError('MEETING_OUT_OF_ORDER', `Meeting ${prev.number} must be documented before meeting ${number}.`, { pending: prev.number });
  }
  if (documentation.hostSchoolId !== m.hostSchoolId) {
    throw new DomainError('MEETING_WRONG_HOST', `Meeting ${number} is hosted by ${m.hostSchoolId}, not ${documentation.hostSchoolId}.`, { expected: m.hostSchoolId });
  }
  requireInPeriod(s, documentation.heldOn, `Meeting ${number} on`);
  if (documentation.heldOn > localDateOf(c.now, s.timeZone)) throw new DomainError('MEETING_IN_FUTURE', 'A meeting can be documented once it has been held.');
  if (prev?.documentation && documentation.heldOn < prev.documentation.heldOn) {
    throw new DomainError('MEETING_OUT_OF_ORDER', `Meeting ${number} cannot be held before meeting ${prev.number} (${prev.documentation.heldOn}).`);
  }
  if (documentation.attendance.length === 0 || documentation.minutes.trim() === '') {
    throw new DomainError('MEETING_INCOMPLETE', 'A meeting counts only with its attendance list and minutes.', {
      attendance: documentation.attendance.length,
      minutes: documentation.minutes.trim() !== '',
    });
  }
  const unknown = documentation.materialsCovered.filter((id) => !s.materials.some((mat) => mat.id === id));
  if (unknown.length > 0) throw new DomainError('INVALID_MATERIAL', `Unknown materials: ${unknown.join(', ')}.`, { unknown });
  return [clusterEvent('MeetingDocumented', { number, documentation, late: m.overdue, by: c.actor.userId, role, at: c.now })];
}

type TimerCommand = ClusterCommandOf<'RecordMeetingReminder' | 'RecordMeetingOverdue' | 'RecordMeetingEscalation'>;

function decideTimer(c: TimerCommand, s: OpenCluster): ClusterEvent[] {
  requireClusterRole(c.actor, s, SYSTEM, 'record reminders');
  const m = requireMeeting(s, c.payload.number);
  if (m.status === 'documented') throw new DomainError('MEETING_ALREADY_DOCUMENTED', `Meeting ${m.number} is documented: nothing to remind.`);
  const duplicate = () => new DomainError('DUPLICATE_REMINDER', `Already recorded for meeting ${m.number}.`);
  if (c.type === 'RecordMeetingReminder') {
    if (m.remindersIssued.includes(c.payload.offsetWorkingDays)) throw duplicate();
    return [clusterEvent('MeetingReminderIssued', { ...c.payload, at: c.now })];
  }
  if (c.type === 'RecordMeetingOverdue') {
    if (m.overdue) throw duplicate();
    return [clusterEvent('MeetingOverdue', { ...c.payload, at: c.now })];
  }
  if (m.escalations.includes(c.payload.level)) throw duplicate();
  return [clusterEvent('MeetingEscalated', { ...c.payload, at: c.now })];
}

function decideSubmitRtl(c: ClusterCommandOf<'SubmitRtl'>, s: OpenCluster): ClusterEvent[] {
  const role = requireClusterRole(c.actor, s, RTL_AUTHORS, 'submit a follow-up plan');
  const { schoolId, actions } = c.payload;
  const school = s.schools.find((sc) => sc.schoolId === schoolId);
  if (!school) throw new DomainError('NOT_FOUND', `School ${schoolId} is not in this cluster.`);
  if (role === 'school' && !c.actor.schoolIds.includes(schoolId)) throw new DomainError('FORBIDDEN_ROLE', 'A school submits only its own follow-up plan.');
  const rtl = rtlOf(s, schoolId)!;
  if (rtl.status !== 'none') throw new DomainError('ALREADY_SUBMITTED', `The follow-up plan of ${school.name} is already ${rtl.status}.`);
  const hosted = s.meetings.find((m) => m.number === school.position + 1);
  if (hosted && hosted.status !== 'documented') {
    throw new DomainError('RTL_TOO_EARLY', `The follow-up plan comes after meeting ${hosted.number} at ${school.name} is documented.`);
  }
  const today = localDateOf(c.now, s.timeZone);
  const ids = new Set<string>();
  for (const a of actions) {
    if (ids.has(a.id)) throw new DomainError('INVALID_RTL', `Action id ${a.id} is used twice.`, { actionId: a.id });
    ids.add(a.id);
    if (a.dueDate < today) throw new DomainError('INVALID_RTL', `Action "${a.action}" is due ${a.dueDate}, which has passed.`, { actionId: a.id });
  }
  // The follow-up becomes one program, so it must fit one budget year.
  const years = new Set(actions.map((a) => a.dueDate.slice(0, 4)));
  if (years.size > 1) throw new DomainError('INVALID_RTL', 'All follow-up actions must fall due within one budget year.', { years: [...years] });
  return [clusterEvent('RtlSubmitted', { schoolId, actions, by: c.actor.userId, role, at: c.now })];
}

function decideRtl(c: ClusterCommandOf<'DecideRtl'>, s: OpenCluster): ClusterEvent[] {
  const role = requireClusterRole(c.actor, s, RTL_APPROVERS, 'decide on a follow-up plan');
  const { schoolId, decision, reason } = c.payload;
  const rtl = rtlOf(s, schoolId);
  if (!rtl) throw new DomainError('NOT_FOUND', `School ${schoolId} is not in this cluster.`);
  if (rtl.status !== 'submitted') throw new DomainError('NOT_SUBMITTED', 'There is no submitted follow-up plan to decide on.');
  if (rtl.submittedBy === c.actor.userId) throw new DomainError('FOUR_EYES', 'Nobody approves a follow-up plan they submitted.');
  if (decision === 'reject' && !reason?.trim()) throw new DomainError('REASON_REQUIRED', 'A rejection needs a reason.');
  if (decision === 'approve') {
    // Approval opens the school's program: refuse here what that program would refuse.
    const { plan, budgetYear } = rtlProgramCommand(s, schoolId, c.now).payload;
    const issues = planIssues(plan, budgetYear);
    if (issues.length > 0) throw new DomainError('INVALID_RTL', 'This follow-up plan cannot become a program.', { issues });
  }
  return [clusterEvent('RtlDecided', { schoolId, decision, ...(reason ? { reason } : {}), by: c.actor.userId, role, at: c.now })];
}

function decideProgramOpened(c: ClusterCommandOf<'RecordRtlProgramOpened'>, s: OpenCluster): ClusterEvent[] {
  requireClusterRole(c.actor, s, SYSTEM, 'record a follow-up program');
  const rtl = rtlOf(s, c.payload.schoolId);
  if (!rtl || rtl.status !== 'approved') throw new DomainError('NOT_SUBMITTED', 'Only an approved follow-up plan opens a program.');
  if (rtl.programId !== null) throw new DomainError('ALREADY_EXISTS', 'The follow-up program is already open.');
  return [clusterEvent('RtlProgramOpened', { ...c.payload, at: c.now })];
}


