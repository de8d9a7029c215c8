// The folded state of one cluster. Plain JSON: it is returned by queries and stored in the
// `campaign_clusters` read model.
import type { Decision } from '../program/program.schemas';
import type { ClusterSchool, Material, MeetingDocumentation, Period, RtlAction, TeamMember } from './campaign.schemas';

export interface MeetingState {
  number: number;
  hostSchoolId: string;
  plannedDate: string;
  status: 'scheduled' | 'documented';
  documentation: MeetingDocumentation | null;
  documentedBy: string | null;
  documentedAt: string | null;
  late: boolean;
  /** Reminder offsets (working days before the meeting) already issued. */
  remindersIssued: number[];
  overdue: boolean;
  /** Escalation levels raised, in order. */
  escalations: number[];
}

export interface RtlState {
  schoolId: string;
  status: 'none' | 'submitted' | 'approved';
  actions: RtlAction[];
  submittedBy: string | null;
  submittedAt: string | null;
  decisions: { decision: Decision; by: string; at: string; reason: string | null }[];
  programId: string | null;
}

export interface OpenCluster {
  status: 'open' | 'completed';
  campaignId: string;
  campaignTitle: string;
  clusterId: string;
  name: string;
  regionId: string;
  organiserIds: string[];
  timeZone: string;
  period: Period;
  materials: Material[];
  schools: ClusterSchool[];
  team: TeamMember[];
  meetings: MeetingState[];
  rtls: RtlState[];
  openedAt: string;
  completedAt: string | null;
}

export type ClusterState = { status: 'none' } | OpenCluster;

export const initialClusterState = (): ClusterState => ({ status: 'none' });

export function isCluster(s: ClusterState): s is OpenCluster {
  return s.status !== 'none';
}

export function meetingOf(s: OpenCluster, number: number): MeetingState | undefined {
  return s.meetings.find((m) => m.number === number);
}

export function rtlOf(s: OpenCluster, schoolId: string): RtlState | undefined {
  return s.rtls.find((r) => r.schoolId === schoolId);
}

export function hostOf(s: OpenCluster, meetingNumber: number): ClusterSchool | undefined {
  return s.schools.find((sc) => sc.position === meetingNumber - 1);
}
