// Read-model rows → the views of campaign.views.ts. Meeting status is relative to "today" in the
// campaign's zone, so the dashboard needs no timers of its own.
import { clusterRoleOf, localDateOf, type Actor, type MeetingState, type OpenCluster } from '@mutu/domain';
import type { CampaignRow, ClusterRow } from './campaigns.repository';
import type {
  CampaignDashboardView,
  CampaignSummaryView,
  ClusterDetailView,
  ClusterRowView,
  MeetingCellView,
  MeetingDetailView,
  MeetingStatus,
  RtlView,
} from './campaign.views';

function statusOf(m: MeetingState, today: string): MeetingStatus {
  if (m.status === 'documented') return 'done';
  if (m.overdue) return 'overdue';
  return m.plannedDate <= today ? 'due' : 'scheduled';
}

function cell(s: OpenCluster, m: MeetingState, today: string): MeetingCellView {
  return {
    number: m.number,
    hostSchoolId: m.hostSchoolId,
    hostSchoolName: s.schools.find((sc) => sc.schoolId === m.hostSchoolId)?.name ?? m.hostSchoolId,
    plannedDate: m.plannedDate,
    heldOn: m.documentation?.heldOn ?? null,
    status: statusOf(m, today),
    late: m.late,
    escalations: m.escalations,
  };
}

export function summaryView(c: CampaignRow, progress: { meetingsDone: number; meetingsTotal: number; rtlApproved: number } | undefined): CampaignSummaryView {
  return {
    campaignId: c.campaign_id,
    title: c.title,
    organiser: c.organiser,
    regionId: c.region_id,
    period: { start: c.period_start, end: c.period_end },
    status: c.status,
    clusterCount: c.cluster_count,
    schoolCount: c.school_count,
    meetingsDone: progress?.meetingsDone ?? 0,
    meetingsTotal: progress?.meetingsTotal ?? 0,
    rtlApproved: progress?.rtlApproved ?? 0,
  };
}

export function dashboardView(c: CampaignRow, clusters: ClusterRow[], now: Date): CampaignDashboardView {
  const today = localDateOf(now.toISOString(), c.time_zone);
  const states = clusters.map((r) => r.state);
  const meetings = states.flatMap((s) => s.meetings);
  const rows: ClusterRowView[] = states.map((s) => ({
    clusterId: s.clusterId,
    name: s.name,
    coreSchoolName: s.schools.find((sc) => sc.position === 0)?.name ?? '',
    status: s.status,
    meetings: s.meetings.map((m) => cell(s, m, today)),
    rtlApproved: s.rtls.filter((r) => r.status === 'approved').length,
    schoolCount: s.schools.length,
  }));
  return {
    ...summaryView(c, {
      meetingsDone: meetings.filter((m) => m.status === 'documented').length,
      meetingsTotal: meetings.length,
      rtlApproved: rows.reduce((n, r) => n + r.rtlApproved, 0),
    }),
    materials: c.materials.map((mat) => {
      const covering = (m: MeetingState) => m.documentation?.materialsCovered.includes(mat.id) ?? false;
      return { ...mat, meetings: meetings.filter(covering).length, clusters: states.filter((s) => s.meetings.some(covering)).length };
    }),
    clusters: rows,
    myRole: c.my_role,
    today,
  };
}

export function clusterDetailView(s: OpenCluster, actor: Actor, now: Date): ClusterDetailView {
  const today = localDateOf(now.toISOString(), s.timeZone);
  const schoolName = (id: string) => s.schools.find((sc) => sc.schoolId === id)?.name ?? id;
  const meetings: MeetingDetailView[] = s.meetings.map((m) => ({
    ...cell(s, m, today),
    materialsCovered: m.documentation?.materialsCovered ?? [],
    attendance: m.documentation?.attendance ?? [],
    minutes: m.documentation?.minutes ?? null,
    photos: m.documentation?.photos ?? [],
    documentedBy: m.documentedBy,
    documentedAt: m.documentedAt,
    remindersIssued: m.remindersIssued,
  }));
  const rtls: RtlView[] = s.rtls.map((r) => ({
    schoolId: r.schoolId,
    schoolName: schoolName(r.schoolId),
    status: r.status,
    actions: r.actions,
    submittedBy: r.submittedBy,
    programId: r.programId,
    lastRejection: [...r.decisions].reverse().find((d) => d.decision === 'reject')?.reason ?? null,
  }));
  return {
    campaignId: s.campaignId,
    campaignTitle: s.campaignTitle,
    clusterId: s.clusterId,
    name: s.name,
    status: s.status,
    period: s.period,
    materials: s.materials,
    schools: [...s.schools].sort((a, b) => a.position - b.position).map((sc) => ({ schoolId: sc.schoolId, name: sc.name, position: sc.position })),
    team: s.team,
    meetings,
    rtls,
    myRole: clusterRoleOf(actor, s) ?? null,
    today,
  };
}
