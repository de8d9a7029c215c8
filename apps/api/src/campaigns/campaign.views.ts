// What the campaign routes answer. The web app mirrors these shapes in apps/web/src/api/types.ts.
import type { Attendee, CampaignTeamRole, ClusterRole, EvidenceFile, Material, Period, RtlAction } from '@mutu/domain';

/** done = documented; overdue = its documentation deadline passed; due = planned date reached; scheduled = later. */
export type MeetingStatus = 'done' | 'overdue' | 'due' | 'scheduled';

export interface CampaignSummaryView {
  campaignId: string;
  title: string;
  organiser: string;
  regionId: string;
  period: Period;
  status: 'open' | 'closed';
  clusterCount: number;
  schoolCount: number;
  meetingsDone: number;
  meetingsTotal: number;
  rtlApproved: number;
}

export interface MeetingCellView {
  number: number;
  hostSchoolId: string;
  hostSchoolName: string;
  plannedDate: string;
  heldOn: string | null;
  status: MeetingStatus;
  late: boolean;
  escalations: number[];
}

export interface ClusterRowView {
  clusterId: string;
  name: string;
  coreSchoolName: string;
  status: 'open' | 'completed';
  meetings: MeetingCellView[];
  rtlApproved: number;
  schoolCount: number;
}

export interface MaterialCoverageView extends Material {
  /** Documented meetings that covered it / clusters where at least one meeting covered it. */
  meetings: number;
  clusters: number;
}

export interface CampaignDashboardView extends CampaignSummaryView {
  materials: MaterialCoverageView[];
  clusters: ClusterRowView[];
  /** The caller's campaign-level role, or null for readers in the region (district office, auditor). */
  myRole: 'organiser' | null;
  today: string;
}

export interface MeetingDetailView extends MeetingCellView {
  materialsCovered: string[];
  attendance: Attendee[];
  minutes: string | null;
  photos: EvidenceFile[];
  documentedBy: string | null;
  documentedAt: string | null;
  remindersIssued: number[];
}

export interface RtlView {
  schoolId: string;
  schoolName: string;
  status: 'none' | 'submitted' | 'approved';
  actions: RtlAction[];
  submittedBy: string | null;
  programId: string | null;
  lastRejection: string | null;
}

export interface ClusterDetailView {
  campaignId: string;
  campaignTitle: string;
  clusterId: string;
  name: string;
  status: 'open' | 'completed';
  period: Period;
  materials: Material[];
  /** NPSN on the cluster page (GET of the cluster), absent in command answers. */
  schools: { schoolId: string; name: string; position: number; npsn?: string | null }[];
  team: { userId: string; name: string; role: CampaignTeamRole }[];
  meetings: MeetingDetailView[];
  rtls: RtlView[];
  /** The caller's role in this cluster (team role, organiser, school), or null for readers. */
  myRole: ClusterRole | null;
  today: string;
}
