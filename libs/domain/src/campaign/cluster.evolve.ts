import type { ClusterEvent } from './cluster.events';
import { isCluster, type ClusterState, type MeetingState, type OpenCluster, type RtlState } from './cluster.state';

function withMeeting(s: OpenCluster, number: number, f: (m: MeetingState) => MeetingState): OpenCluster {
  return { ...s, meetings: s.meetings.map((m) => (m.number === number ? f(m) : m)) };
}

function withRtl(s: OpenCluster, schoolId: string, f: (r: RtlState) => RtlState): OpenCluster {
  return { ...s, rtls: s.rtls.map((r) => (r.schoolId === schoolId ? f(r) : r)) };
}

export function evolveCluster(state: ClusterState, event: ClusterEvent): ClusterState {
  if (event.type === 'ClusterOpened') {
    const d = event.data;
    const byPosition = new Map(d.cluster.schools.map((sc) => [sc.position, sc.schoolId]));
    return {
      status: 'open',
      campaignId: d.campaignId,
      campaignTitle: d.campaignTitle,
      clusterId: d.cluster.clusterId,
      name: d.cluster.name,
      regionId: d.regionId,
      organiserIds: d.organiserIds,
      timeZone: d.timeZone,
      period: d.period,
      materials: d.materials,
      schools: d.cluster.schools,
      team: d.cluster.team,
      meetings: [...d.cluster.meetings]
        .sort((a, b) => a.number - b.number)
        .map((m) => ({
          number: m.number,
          hostSchoolId: byPosition.get(m.number - 1) ?? '',
          plannedDate: m.date,
          status: 'scheduled',
          documentation: null,
          documentedBy: null,
          documentedAt: null,
          late: false,
          remindersIssued: [],
          overdue: false,
          escalations: [],
        })),
      rtls: d.cluster.schools.map((sc) => ({
        schoolId: sc.schoolId,
        status: 'none',
        actions: [],
        submittedBy: null,
        submittedAt: null,
        decisions: [],
        programId: null,
      })),
      openedAt: d.at,
      completedAt: null,
    };
  }
  if (!isCluster(state)) return state;
  switch (event.type) {
    case 'MeetingRescheduled':
      // A new date is a new round of reminders, deadline and escalations.
      return withMeeting(state, event.data.number, (m) => ({ ...m, plannedDate: event.data.to, remindersIssued: [], overdue: false, escalations: [] }));
    case 'MeetingDocumented': {
      const d = event.data;
      return withMeeting(state, d.number, (m) => ({
        ...m,
        status: 'documented',
        documentation: d.documentation,
        documentedBy: d.by,
        documentedAt: d.at,
        late: d.late,
      }));
    }
    case 'MeetingReminderIssued':
      return withMeeting(state, event.data.number, (m) => ({ ...m, remindersIssued: [...m.remindersIssued, event.data.offsetWorkingDays] }));
    case 'MeetingOverdue':
      return withMeeting(state, event.data.number, (m) => ({ ...m, overdue: true }));
    case 'MeetingEscalated':
      return withMeeting(state, event.data.number, (m) => ({ ...m, escalations: [...m.escalations, event.data.level] }));
    case 'RtlSubmitted':
      return withRtl(state, event.data.schoolId, (r) => ({
        ...r,
        status: 'submitted',
        actions: event.data.actions,
        submittedBy: event.data.by,
        submittedAt: event.data.at,
      }));
    case 'RtlDecided': {
      const d = event.data;
      return withRtl(state, d.schoolId, (r) => ({
        ...r,
        status: d.decision === 'approve' ? 'approved' : 'none',
        decisions: [...r.decisions, { decision: d.decision, by: d.by, at: d.at, reason: d.reason ?? null }],
      }));
    }
    case 'RtlProgramOpened':
      return withRtl(state, event.data.schoolId, (r) => ({ ...r, programId: event.data.programId }));
    case 'ClusterCompleted':
      return { ...state, status: 'completed', completedAt: event.data.at };
    default: {
      const never: never = event;
      return never;
    }
  }
}

export function foldCluster(events: readonly ClusterEvent[], from: ClusterState = { status: 'none' }): ClusterState {
  return events.reduce(evolveCluster, from);
}
