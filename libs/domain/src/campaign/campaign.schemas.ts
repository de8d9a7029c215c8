// A mentoring campaign (pendampingan): an organiser (a provincial quality-assurance agency) runs
// clusters of one core school and N impact schools through a fixed series of meetings, between two
// dates, and every school leaves with a follow-up plan (RTL). Plain JSON, like the program's.
import { z } from 'zod';
import { EvidenceFileSchema, IdSchema, LocalDateSchema } from '../program/program.schemas';

/** Who an overdue meeting escalates to: the campaign's organisers, then the region's education office. */
export const EscalationTargetSchema = z.enum(['organiser', 'district_office']);

export const CampaignTeamRoleSchema = z.enum(['trainer', 'agency_staff', 'supervisor', 'principal']);
export type CampaignTeamRole = z.infer<typeof CampaignTeamRoleSchema>;

/** The seed's material list; a campaign may bring its own. */
export const DEFAULT_MATERIALS = [
  { id: 'mutu-pembelajaran', title: 'Penguatan Mutu Pembelajaran' },
  { id: 'mutu-mbs', title: 'Penguatan Mutu MBS' },
  { id: 'mutu-ekskul', title: 'Penguatan Mutu Ekskul' },
  { id: 'best-practices', title: 'Best Practices' },
  { id: 'branding-school', title: 'Branding School' },
  { id: 'review-budaya-mutu', title: 'Review Pengembangan Budaya Mutu Sekolah' },
  { id: 'penyusunan-rtl', title: 'Penyusunan RTL' },
] as const;

export const MaterialSchema = z.object({ id: IdSchema, title: z.string().min(1).max(300) });
export type Material = z.infer<typeof MaterialSchema>;

export const PeriodSchema = z.object({ start: LocalDateSchema, end: LocalDateSchema });
export type Period = z.infer<typeof PeriodSchema>;

export const ClusterSchoolSchema = z.object({
  schoolId: IdSchema,
  name: z.string().min(1).max(300),
  regionId: IdSchema,
  /** 0 = the core school; 1..N = impact school 1..N (the host order of meetings 2..N+1). */
  position: z.number().int().min(0).max(20),
});
export type ClusterSchool = z.infer<typeof ClusterSchoolSchema>;

export const TeamMemberSchema = z.object({
  userId: IdSchema,
  name: z.string().min(1).max(200),
  role: CampaignTeamRoleSchema,
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const PlannedMeetingSchema = z.object({
  number: z.number().int().min(1).max(21),
  date: LocalDateSchema,
});

export const ClusterSetupSchema = z.object({
  clusterId: IdSchema,
  name: z.string().min(1).max(200),
  schools: z.array(ClusterSchoolSchema).min(2).max(21),
  team: z.array(TeamMemberSchema).min(1).max(100),
  meetings: z.array(PlannedMeetingSchema).min(1).max(21),
});
export type ClusterSetup = z.infer<typeof ClusterSetupSchema>;

export const CampaignSetupSchema = z.object({
  campaignId: IdSchema,
  title: z.string().min(1).max(300),
  /** The organising agency's region (scope for district officers and auditors). */
  regionId: IdSchema,
  organiser: z.string().min(1).max(300),
  /** Users who run the campaign (organiser role, campaign-wide). */
  organiserIds: z.array(IdSchema).min(1).max(50),
  timeZone: z.string().min(1).max(64),
  period: PeriodSchema,
  materials: z.array(MaterialSchema).min(1).max(50),
  clusters: z.array(ClusterSetupSchema).min(1).max(2000),
});
export type CampaignSetup = z.infer<typeof CampaignSetupSchema>;

export const AttendeeSchema = z.object({
  name: z.string().min(1).max(200),
  userId: IdSchema.optional(),
  schoolId: IdSchema.optional(),
  function: z.string().max(200).optional(),
});
export type Attendee = z.infer<typeof AttendeeSchema>;

export const MeetingDocumentationSchema = z.object({
  heldOn: LocalDateSchema,
  hostSchoolId: IdSchema,
  materialsCovered: z.array(IdSchema).max(50),
  attendance: z.array(AttendeeSchema).max(500),
  /** Signed minutes (berita acara), as text. */
  minutes: z.string().max(20_000),
  photos: z.array(EvidenceFileSchema).max(50),
});
export type MeetingDocumentation = z.infer<typeof MeetingDocumentationSchema>;

export const RtlActionSchema = z.object({
  id: IdSchema,
  action: z.string().min(1).max(1000),
  /** The person in charge, by name or user id, as the school wrote it. */
  owner: z.string().min(1).max(200),
  dueDate: LocalDateSchema,
});
export type RtlAction = z.infer<typeof RtlActionSchema>;

/** Meeting n's host: meeting 1 at the core school, meeting k at impact school k - 1. */
export function hostPositionOf(meetingNumber: number): number {
  return meetingNumber - 1;
}

export function campaignStreamId(campaignId: string): string {
  return `campaign-${campaignId}`;
}

export function clusterStreamId(campaignId: string, clusterId: string): string {
  return `cluster-${campaignId}.${clusterId}`;
}

/** The follow-up program of one school in a campaign (deterministic, so a retry finds it). */
export function rtlProgramId(campaignId: string, schoolId: string): string {
  return `rtl-${campaignId}-${schoolId}`;
}
