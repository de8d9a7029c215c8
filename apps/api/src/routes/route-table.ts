// The one route table: controllers take their path, method and allowed roles from it (via
// @Route), the authorization matrix test iterates it, and the OpenAPI document is generated from
// it. Change a route here and all three follow.
import { StatutoryReportSchema, type ProgramCommandType, type Role } from '@mutu/domain';
import type { z } from 'zod';
import * as S from './route-schemas';
import { GovernanceTimelineQuerySchema } from '../governance/governance.schemas';
import { ApprovalPoliciesQuerySchema, SetApprovalPolicyBodySchema } from '../policies/policy.schemas';
import { ChangePasswordBodySchema, ResetPasswordBodySchema } from '../account/account.schemas';
import { MarkReadBodySchema, NotificationPreferencesBodySchema } from '../notifications/notification.schemas';
import { PutBospComponentsBodySchema } from '../bosp/bosp.schemas';
import { DaysOffQuerySchema, DeadlinePolicyQuerySchema, ImportDirectoryFormSchema, SetDeadlinePolicyBodySchema } from '../admin/admin-console.schemas';
import { SchoolSupervisorsQuerySchema, SetSchoolSupervisorsBodySchema } from '../schools/school-supervisors.schemas';
import { StatutorySubmissionFormSchema } from '../statutory/statutory.schemas';
import { RegionDashboardQuerySchema } from '../dashboard/dashboard.schemas';
import { CopyProgramBodySchema, StartTemplateBodySchema } from '../program-templates/program-template.schemas';
import { NoQuerySchema, ProgramPeopleQuerySchema } from '../programs/program-people.schemas';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type UserRole = Exclude<Role, 'system'>;

export interface RouteSpec {
  method: HttpMethod;
  /** Express-style path, e.g. /programs/:id/plan. */
  path: string;
  /** 'public' needs no token; otherwise the roles that may call it at all (the decider re-checks). */
  roles: 'public' | readonly UserRole[];
  summary: string;
  /** true when the route acts on one program and answers 404 outside the caller's scope. */
  programScoped?: boolean;
  /** true when the route acts on one mentoring campaign and answers 404 outside the caller's scope. */
  campaignScoped?: boolean;
  /** true when the route acts on one school and answers 404 outside the caller's scope. */
  schoolScoped?: boolean;
  /** Path parameters whose pattern differs from the shared one of the same name (PATH_PARAMS). */
  params?: Record<string, z.ZodType>;
  /** Statuses the route may answer besides the ones its other fields imply (e.g. 503 of /health). */
  also?: readonly number[];
  command?: ProgramCommandType;
  body?: z.ZodType;
  query?: z.ZodType;
  /** multipart/form-data fields other than the file. */
  form?: z.ZodType;
  status?: number;
  produces?: 'json' | 'html' | 'pdf' | 'binary' | 'gzip' | 'openapi' | 'asset' | 'csv' | 'xlsx';
  /** JSON answers are objects unless a route lists (an array). */
  returns?: 'array';
  mutation?: boolean;
}

export const ALL_ROLES: readonly UserRole[] = ['principal', 'qa_team', 'staff', 'committee', 'supervisor', 'district_officer', 'auditor', 'admin', 'mentor'];
// Account, inbox and campaign reads: everyone signed in.
const READERS = ALL_ROLES;
// Programs and what hangs off them (evidence, school calendars, policies): not mentors, whose
// powers are their campaign memberships only.
const PROGRAM_READERS: readonly UserRole[] = ALL_ROLES.filter((r) => r !== 'mentor');
const AUTHORS: readonly UserRole[] = ['principal', 'qa_team'];
const PRINCIPAL: readonly UserRole[] = ['principal'];
// Person-in-charge routes: the decider checks who is in charge of the activity.
const EXECUTORS: readonly UserRole[] = ['principal', 'qa_team', 'staff'];
// Approvers follow DEFAULT_APPROVAL_POLICY (supervisor approves plan/documentation, committee signs).
const SUPERVISOR: readonly UserRole[] = ['supervisor'];
const COMMITTEE: readonly UserRole[] = ['committee'];
const ADMIN: readonly UserRole[] = ['admin'];
// Who may audit a program (AUDIT_ROLES of the audit module): not staff, not the committee.
const AUDITORS: readonly UserRole[] = ['auditor', 'district_officer', 'supervisor', 'principal', 'qa_team', 'admin'];
const AUDIT = '/audit/programs/:id';
// Campaign roles are memberships of the campaign (organiser, team, school), checked by the decider;
// these are the global roles such members hold. Auditors stay read-only.
const CAMPAIGN_TEAM: readonly UserRole[] = ['principal', 'supervisor', 'district_officer', 'admin', 'mentor'];
const RTL_AUTHORS: readonly UserRole[] = ['principal', 'qa_team', 'supervisor', 'district_officer', 'admin', 'mentor'];
const RTL_APPROVERS: readonly UserRole[] = ['supervisor', 'district_officer', 'admin', 'mentor'];
const CLUSTER = '/campaigns/:campaignId/clusters/:clusterId';
const EDUCATION_OFFICE_READERS: readonly UserRole[] = ['district_officer', 'auditor', 'admin'];

const clusterCmd = (path: string, roles: readonly UserRole[], body: z.ZodType, summary: string, status = 200): RouteSpec => ({
  method: 'POST', path: `${CLUSTER}${path}`, roles, body, summary, campaignScoped: true, status, mutation: true,
});

const cmd = (
  method: HttpMethod,
  path: string,
  roles: readonly UserRole[],
  command: ProgramCommandType,
  body: z.ZodType,
  summary: string,
): RouteSpec => ({ method, path, roles, command, body, summary, programScoped: true, status: 200, mutation: true });

export const ROUTES = {
  login: { method: 'POST', path: '/auth/login', roles: 'public', body: S.LoginBodySchema, status: 200, summary: 'Sign in with email and password. With `x-mutu-session: cookie` (the web app) the refresh token is set as an httpOnly cookie and left out of the body' },
  refresh: { method: 'POST', path: '/auth/refresh', roles: 'public', body: S.RefreshBodySchema, status: 200, summary: 'Rotate a refresh token: the body\'s, or else the httpOnly cookie\'s (mutu_refresh, Path=/auth; JSON POST only). A cookie-borne token is answered with a new cookie, never in the body' },
  logout: { method: 'POST', path: '/auth/logout', roles: 'public', body: S.RefreshBodySchema, status: 204, summary: 'Revoke a refresh token family (the body\'s token, or else the cookie\'s) and clear the cookie' },
  me: { method: 'GET', path: '/me', roles: READERS, summary: 'The signed-in user' },
  myTasks: { method: 'GET', path: '/me/tasks', roles: READERS, summary: 'What is waiting on me' },

  listPrograms: { method: 'GET', path: '/programs', roles: READERS, query: S.ListProgramsQuerySchema, summary: 'Programs in my scope (cursor pagination)' },
  createProgram: { method: 'POST', path: '/programs', roles: AUTHORS, command: 'CreateProgram', body: S.CreateProgramBodySchema, status: 201, mutation: true, summary: 'Create a program' },
  getProgram: { method: 'GET', path: '/programs/:id', roles: PROGRAM_READERS, programScoped: true, summary: "One program: state, deadlines, pending decisions, its school's name and NPSN, names and roles of the users it mentions" },
  mySchools: { method: 'GET', path: '/schools', roles: PROGRAM_READERS, query: NoQuerySchema, summary: 'The schools whose programs I may see, with name and NPSN' },
  programPeople: { method: 'GET', path: '/programs/:id/people', roles: PROGRAM_READERS, programScoped: true, query: ProgramPeopleQuerySchema, summary: "Active users of the program's school (optionally of one role), by name: the people picker" },

  editPlan: cmd('PUT', '/programs/:id/plan', AUTHORS, 'EditPlan', S.EditPlanBodySchema, 'Edit the plan'),
  submitPlan: cmd('POST', '/programs/:id/plan/submit', PRINCIPAL, 'SubmitPlan', S.SubmitPlanBodySchema, 'Submit the plan for approval'),
  decidePlan: cmd('POST', '/programs/:id/plan/decision', SUPERVISOR, 'DecidePlan', S.DecisionBodySchema, 'Approve or reject the plan'),
  assignActivity: cmd('POST', '/programs/:id/activities/:activityId/assignment', PRINCIPAL, 'AssignActivity', S.AssignActivityBodySchema, 'Assign the person in charge and participants'),
  confirmAssignments: cmd('POST', '/programs/:id/assignments/confirm', PRINCIPAL, 'ConfirmAssignments', S.EmptyBodySchema, 'Confirm all assignments'),
  startActivity: cmd('POST', '/programs/:id/activities/:activityId/start', EXECUTORS, 'StartActivity', S.EmptyBodySchema, 'Start an activity'),
  completeActivity: cmd('POST', '/programs/:id/activities/:activityId/complete', EXECUTORS, 'CompleteActivity', S.CompleteActivityBodySchema, 'Record the execution of an activity'),
  dropActivity: cmd('POST', '/programs/:id/activities/:activityId/drop', PRINCIPAL, 'DropActivity', S.DropActivityBodySchema, 'Drop an activity'),
  attachEvidence: {
    ...cmd('POST', '/programs/:id/activities/:activityId/evidence', EXECUTORS, 'AttachEvidence', S.EvidenceFormSchema, 'Upload evidence (multipart: file + kind)'),
    body: undefined,
    form: S.EvidenceFormSchema,
    status: 201,
  },
  withdrawEvidence: cmd('DELETE', '/programs/:id/activities/:activityId/evidence/:sha256', EXECUTORS, 'WithdrawEvidence', S.WithdrawEvidenceBodySchema, 'Withdraw evidence'),
  downloadEvidence: { method: 'GET', path: '/evidence/:sha256', roles: PROGRAM_READERS, produces: 'binary', summary: 'Download evidence referenced by a program in my scope' },
  completeDocumentation: cmd('POST', '/programs/:id/documentation/complete', ['qa_team'], 'CompleteDocumentation', S.EmptyBodySchema, 'Declare the documentation complete'),
  decideDocumentation: cmd('POST', '/programs/:id/documentation/decision', SUPERVISOR, 'DecideDocumentation', S.DecisionBodySchema, 'Approve or reject the documentation'),
  editReport: cmd('PUT', '/programs/:id/report', AUTHORS, 'EditReport', S.EditReportBodySchema, 'Edit the report sections'),
  reportHtml: { method: 'GET', path: '/programs/:id/report.html', roles: PROGRAM_READERS, programScoped: true, produces: 'html', summary: 'Report preview (HTML)' },
  reportPdf: { method: 'GET', path: '/programs/:id/report.pdf', roles: PROGRAM_READERS, programScoped: true, produces: 'pdf', summary: 'Report preview (PDF)' },
  submitReport: cmd('POST', '/programs/:id/report/submit', PRINCIPAL, 'SubmitReport', S.EmptyBodySchema, 'Submit the report; the server hashes the canonical report'),
  signReport: cmd('POST', '/programs/:id/report/sign', COMMITTEE, 'SignReport', S.SignReportBodySchema, 'Sign (or refuse) the report by its SHA-256'),
  closeProgram: cmd('POST', '/programs/:id/close', PRINCIPAL, 'CloseProgram', S.EmptyBodySchema, 'Close the program'),
  requestCancellation: cmd('POST', '/programs/:id/cancellation', PRINCIPAL, 'RequestCancellation', S.RequestCancellationBodySchema, 'Request cancellation'),
  confirmCancellation: cmd('POST', '/programs/:id/cancellation/confirm', SUPERVISOR, 'ConfirmCancellation', S.ConfirmCancellationBodySchema, 'Confirm a cancellation request'),
  rejectCancellation: cmd('POST', '/programs/:id/cancellation/reject', SUPERVISOR, 'RejectCancellation', S.RejectCancellationBodySchema, 'Reject a cancellation request'),
  extendDeadline: cmd('POST', '/programs/:id/deadlines/extend', SUPERVISOR, 'ExtendDeadline', S.ExtendDeadlineBodySchema, 'Extend a deadline'),
  recordExpenditure: {
    ...cmd('POST', '/programs/:id/activities/:activityId/expenditures', EXECUTORS, 'RecordExpenditure', S.RecordExpenditureBodySchema, 'Record an expenditure of a running activity, backed by an attached receipt or purchase order (and 2/3 supplier quotes from Rp 50/200 million: 422 INSUFFICIENT_SUPPLIER_QUOTES)'),
    status: 201,
  },
  withdrawExpenditure: cmd('DELETE', '/programs/:id/activities/:activityId/expenditures/:expenditureId', EXECUTORS, 'WithdrawExpenditure', S.WithdrawExpenditureBodySchema, 'Withdraw an expenditure, with a reason'),
  acknowledgeOverspend: cmd('POST', '/programs/:id/activities/:activityId/overspend/acknowledge', SUPERVISOR, 'AcknowledgeOverspend', S.AcknowledgeOverspendBodySchema, "Acknowledge spending more than 10 % above the planned amount (needed before the activity can be completed)"),

  listCampaigns: { method: 'GET', path: '/campaigns', roles: READERS, summary: 'Mentoring campaigns I organise, mentor in, or see in my region' },
  getCampaign: { method: 'GET', path: '/campaigns/:campaignId', roles: READERS, campaignScoped: true, summary: 'Campaign dashboard: clusters × meetings, materials coverage' },
  getCluster: { method: 'GET', path: CLUSTER, roles: READERS, campaignScoped: true, summary: 'One cluster: schools, team, meetings, RTLs' },
  getMeetingPhoto: { method: 'GET', path: `${CLUSTER}/meetings/:number/photos/:sha256`, roles: READERS, campaignScoped: true, produces: 'binary', summary: "Download a photo of a documented meeting" },
  uploadMeetingPhoto: { ...clusterCmd('/meetings/:number/photos', CAMPAIGN_TEAM, S.MeetingPhotoFormSchema, 'Upload a meeting photo (multipart: file)', 201), body: undefined, form: S.MeetingPhotoFormSchema },
  documentMeeting: clusterCmd('/meetings/:number/documentation', CAMPAIGN_TEAM, S.DocumentMeetingBodySchema, 'Document a held meeting (attendance, minutes, materials, photos)'),
  rescheduleMeeting: clusterCmd('/meetings/:number/reschedule', CAMPAIGN_TEAM, S.RescheduleMeetingBodySchema, 'Move a meeting (inside the period, in order)'),
  submitRtl: clusterCmd('/schools/:schoolId/rtl', RTL_AUTHORS, S.SubmitRtlBodySchema, "Submit a school's follow-up plan (RTL)"),
  decideRtl: clusterCmd('/schools/:schoolId/rtl/decision', RTL_APPROVERS, S.DecideRtlBodySchema, "Approve or reject a school's RTL"),

  importCampaign: { method: 'POST', path: '/campaigns/import', roles: ['district_officer', 'admin'], form: S.ImportCampaignFormSchema, status: 201, mutation: true, summary: 'Set up a mentoring campaign from a .csv/.xlsx sheet (multipart: file, dryRun); every row is validated before anything is created' },

  listRegions: { method: 'GET', returns: 'array', path: '/admin/regions', roles: ADMIN, summary: 'Regions' },
  createRegion: { method: 'POST', path: '/admin/regions', roles: ADMIN, body: S.CreateRegionBodySchema, status: 201, mutation: true, summary: 'Create a region' },
  listSchools: { method: 'GET', returns: 'array', path: '/admin/schools', roles: ADMIN, summary: 'Schools' },
  createSchool: { method: 'POST', path: '/admin/schools', roles: ADMIN, body: S.CreateSchoolBodySchema, status: 201, mutation: true, summary: 'Create a school' },
  listUsers: { method: 'GET', returns: 'array', path: '/admin/users', roles: ADMIN, summary: 'Users' },
  createUser: { method: 'POST', path: '/admin/users', roles: ADMIN, body: S.CreateUserBodySchema, status: 201, mutation: true, summary: 'Create a user' },
  updateUser: { method: 'PATCH', path: '/admin/users/:userId', roles: ADMIN, body: S.UpdateUserBodySchema, status: 200, mutation: true, summary: 'Change roles, scopes, password or disable a user' },

  auditEvents: { method: 'GET', path: `${AUDIT}/events`, roles: AUDITORS, programScoped: true, query: S.EventsQuerySchema, summary: "A program's stored events with hashes (paged by version)" },
  auditTimeline: { method: 'GET', path: `${AUDIT}/timeline`, roles: AUDITORS, programScoped: true, query: S.TimelineQuerySchema, summary: 'Who did what, when and why, one line per event' },
  auditState: { method: 'GET', path: `${AUDIT}/state`, roles: AUDITORS, programScoped: true, query: S.StateQuerySchema, also: [422], summary: 'The program as it stood at a version or an instant (a fold of the stored events)' },
  auditVerify: { method: 'POST', path: `${AUDIT}/verify`, roles: AUDITORS, programScoped: true, status: 200, summary: "Recompute the program's hash chain and hold it against the latest checkpoint" },
  auditExport: { method: 'GET', path: `${AUDIT}/export`, roles: AUDITORS, programScoped: true, produces: 'gzip', summary: 'Audit bundle (events, Temporal histories, evidence hashes, signed manifest) that verifies offline' },

  getBospComponents: { method: 'GET', path: '/bosp/components/:year', roles: READERS, summary: "The BOSP component list of a budget year and the regulation it comes from (empty when the year has none)" },
  putBospComponents: { method: 'PUT', path: '/bosp/components/:year', roles: ADMIN, body: PutBospComponentsBodySchema, status: 200, mutation: true, summary: "Set a budget year's BOSP component list (whole list, with its source)" },
  realisation: { method: 'GET', path: '/schools/:schoolId/realisation/:year', roles: PROGRAM_READERS, schoolScoped: true, summary: "A school's BOSP realisation for a budget year: planned vs realised per component and per program, stage I (January–June) and annual" },
  realisationXlsx: { method: 'GET', path: '/schools/:schoolId/realisation/:year/xlsx', roles: PROGRAM_READERS, schoolScoped: true, produces: 'xlsx', summary: 'The realisation report as an XLSX workbook (layout: docs/realisation-report.md)' },
  realisationCsv: { method: 'GET', path: '/schools/:schoolId/realisation/:year/csv', roles: PROGRAM_READERS, schoolScoped: true, produces: 'csv', summary: 'The realisation report as CSV (layout: docs/realisation-report.md)' },
  statutoryDeadlines: { method: 'GET', path: '/schools/:schoolId/statutory-deadlines/:year', roles: PROGRAM_READERS, schoolScoped: true, summary: "A school's statutory BOSP report deadlines of a budget year (stage I report due 31 July, annual report due 31 January of the next year): status, submission, reminders sent, and the annual report's cut window" },
  recordStatutorySubmission: { method: 'POST', path: '/schools/:schoolId/statutory-deadlines/:year/:report/submission', roles: PRINCIPAL, schoolScoped: true, params: { report: StatutoryReportSchema }, form: StatutorySubmissionFormSchema, status: 201, mutation: true, summary: 'Record that a statutory report was submitted through ARKAS (multipart: the ARKAS export in file + submittedOn); the deadline closes (409 ALREADY_SUBMITTED, 422 INVALID_SUBMISSION_DATE)' },
  // The education office's view: district officers of the region, admins, and auditors (read-only).
  regionDashboard: { method: 'GET', path: '/dashboard/region', roles: EDUCATION_OFFICE_READERS, query: RegionDashboardQuerySchema, summary: 'A region and budget year: school × stage matrix, overdue and within-7-days deadlines, sign-offs, realisation per BOSP component; filters by school level, sub-district and school (404 outside my regions)' },
  regionDashboardXlsx: { method: 'GET', path: '/dashboard/region/xlsx', roles: EDUCATION_OFFICE_READERS, query: RegionDashboardQuerySchema, produces: 'xlsx', summary: 'The region dashboard as an XLSX workbook (summary, schools × stages, programs, BOSP components)' },
  startProgramTemplate: { method: 'POST', path: '/program-templates', roles: ['district_officer', 'admin'], body: StartTemplateBodySchema, status: 201, mutation: true, summary: "Start a program template (plan skeleton with activities, BOSP components, amounts, windows) at the schools named: one program per school in its plan stage, which its principal edits; fanned out by a workflow; a repeated start of the same templateId starts nothing new (alreadyStarted). A school outside my regions: 404" },
  copyProgram: { method: 'POST', path: '/programs/:id/copy', roles: AUTHORS, programScoped: true, body: CopyProgramBodySchema, status: 201, mutation: true, also: [422], summary: "Start a program of another budget year from this one: the plan is copied with its windows moved into that year, not the execution (422 SAME_BUDGET_YEAR)" },
  schoolCalendar: { method: 'GET', path: '/calendar/schools/:schoolId/:year', roles: PROGRAM_READERS, schoolScoped: true, summary: "A school's budget year: holidays, days off, open deadlines" },
  addDayOff: { method: 'POST', path: '/admin/days-off', roles: ADMIN, body: S.NewDayOffBodySchema, status: 201, mutation: true, summary: 'Add collective leave or a local day off' },
  removeDayOff: { method: 'DELETE', path: '/admin/days-off/:id', roles: ADMIN, params: { id: S.DayOffIdSchema }, status: 204, mutation: true, summary: 'Remove a day off' },
  // Admin console: days off of a region, the decreed national days off, deadline policies per region, directory imports.
  listDaysOff: { method: 'GET', returns: 'array', path: '/admin/days-off', roles: ADMIN, query: DaysOffQuerySchema, summary: "A year's days off: collective leave and other national ones, and those of one region and its schools" },
  listNationalDaysOffYears: { method: 'GET', returns: 'array', path: '/admin/national-days-off', roles: ADMIN, summary: 'The years whose national holidays and collective leave (SKB 3 Menteri) Mutu can load, with the decree' },
  seedNationalDaysOff: { method: 'POST', path: '/admin/national-days-off/:year', roles: ADMIN, status: 200, mutation: true, also: [422], summary: "Load a year's national holidays and collective leave from the committed decree data (idempotent; 422 NO_DECREE_DATA for a year it does not have)" },
  getDeadlinePolicy: { method: 'GET', path: '/admin/deadline-policies', roles: ADMIN, query: DeadlinePolicyQuerySchema, summary: "The deadline policy new programs of a region start on, and every version set for the region" },
  setDeadlinePolicy: { method: 'PUT', path: '/admin/deadline-policies', roles: ADMIN, body: SetDeadlinePolicyBodySchema, status: 200, mutation: true, also: [422], summary: "Set a region's deadline policy: a new version, taken by the region's programs started from now on (running ones keep theirs)" },
  importRegions: { method: 'POST', path: '/admin/import/regions', roles: ADMIN, form: ImportDirectoryFormSchema, status: 201, mutation: true, summary: 'Create regions from a .csv/.xlsx sheet (multipart: file, dryRun); every row is validated before anything is created (layout: docs/admin-console.md)' },
  importSchools: { method: 'POST', path: '/admin/import/schools', roles: ADMIN, form: ImportDirectoryFormSchema, status: 201, mutation: true, summary: 'Create schools from a Dapodik school list (.csv/.xlsx; multipart: file, dryRun), with their sub-district and assigned supervisors; all rows or none' },
  importUsers: { method: 'POST', path: '/admin/import/users', roles: ADMIN, form: ImportDirectoryFormSchema, status: 201, mutation: true, summary: 'Create users from a Dapodik GTK (staff) export plus Email and NPSN (.csv/.xlsx; multipart: file, dryRun); roles from Jenis PTK / Tugas Tambahan; all rows or none' },

  myNotifications: { method: 'GET', path: '/me/notifications', roles: READERS, query: S.InboxQuerySchema, summary: 'My in-app inbox, newest first, in my language' },
  myUnreadCount: { method: 'GET', path: '/me/notifications/unread-count', roles: READERS, summary: 'How many of my in-app notifications are unread (the header badge)' },
  markNotificationsRead: { method: 'POST', path: '/me/notifications/read', roles: READERS, body: MarkReadBodySchema, status: 200, summary: 'Mark some of my notifications read, by id (ids that are not mine change nothing)' },
  markAllNotificationsRead: { method: 'POST', path: '/me/notifications/read-all', roles: READERS, status: 200, summary: 'Mark all my notifications read' },
  getNotificationPreferences: { method: 'GET', path: '/me/notification-preferences', roles: READERS, summary: 'My notification channels, quiet hours, daily digest and language' },
  putNotificationPreferences: { method: 'PUT', path: '/me/notification-preferences', roles: READERS, body: NotificationPreferencesBodySchema, status: 200, summary: 'Replace my notification preferences' },
  // Self-service on one's own account: not program mutations, so every role (auditors too) may call them.
  changePassword: { method: 'POST', path: '/me/password', roles: READERS, body: ChangePasswordBodySchema, status: 200, also: [422, 429], summary: 'Change my password (current one required; at least 10 characters, not my email, not a common one: 422 WEAK_PASSWORD); ends my other sessions and answers a new one. The only route open while an admin reset is pending (403 PASSWORD_CHANGE_REQUIRED elsewhere)' },
  signOutEverywhere: { method: 'POST', path: '/me/sessions/revoke', roles: READERS, status: 200, summary: 'Sign out of all my sessions: every refresh token of mine is revoked' },
  resetUserPassword: { method: 'POST', path: '/admin/users/:userId/password-reset', roles: ADMIN, body: ResetPasswordBodySchema, status: 200, mutation: true, summary: "Set a user's temporary password; they must change it at their next sign-in" },

  healthLive: { method: 'GET', path: '/health/live', roles: 'public', summary: 'Liveness: the process answers' },
  health: { method: 'GET', path: '/health', roles: 'public', also: [503], summary: 'Readiness: PostgreSQL and Temporal; how program lists are served (programListCache: listening, not listening, off)' },
  docs: { method: 'GET', path: '/docs', roles: 'public', produces: 'openapi', summary: 'This document (JSON); a browser asking for HTML gets the interactive API docs page' },
  openApiJson: { method: 'GET', path: '/docs/openapi.json', roles: 'public', produces: 'openapi', summary: 'This document (OpenAPI 3.1 JSON)' },
  docsAsset: { method: 'GET', path: '/docs/assets/:file', roles: 'public', params: { file: S.DocsAssetSchema }, produces: 'asset', summary: 'Scripts, styles and icons of the API docs page (Swagger UI, served locally)' },
  getApprovalPolicies: { method: 'GET', path: '/policies', roles: PROGRAM_READERS, query: ApprovalPoliciesQuerySchema, summary: "Approval policies in force per school of a region (or of every region I see), and every version set" },
  setApprovalPolicy: { method: 'PUT', path: '/policies', roles: ['district_officer', 'admin'], body: SetApprovalPolicyBodySchema, status: 200, mutation: true, summary: "Set a region's (or one school's) approval policy: a new version, taken by programs created from now on" },
  governanceTimeline: { method: 'GET', path: '/audit/governance', roles: ['auditor', 'district_officer', 'admin'], query: GovernanceTimelineQuerySchema, summary: 'Admin actions and approval policy changes: who, what, when' },
  listSchoolSupervisors: { method: 'GET', path: '/schools/supervisors', roles: ['district_officer', 'admin'], query: SchoolSupervisorsQuerySchema, summary: "The schools of my regions (name, NPSN) with their assigned supervisors (pengawas binaan), and each region's supervisors to choose from" },
  setSchoolSupervisors: { method: 'PUT', path: '/schools/:schoolId/supervisors', roles: ['district_officer', 'admin'], schoolScoped: true, body: SetSchoolSupervisorsBodySchema, status: 200, also: [422], mutation: true, summary: "Set a school's assigned supervisors (the whole set; empty: the region's supervisors act). Only active supervisors of the school's region (422 NOT_A_REGION_SUPERVISOR); recorded as SchoolSupervisorsSet in the admin stream" },
  verifyGovernance: { method: 'POST', path: '/audit/governance/verify', roles: ['auditor', 'district_officer', 'admin'], status: 200, summary: 'Recompute the hash chains of the admin and policy streams' },
} as const satisfies Record<string, RouteSpec>;

export type RouteId = keyof typeof ROUTES;
export const ROUTE_IDS = Object.keys(ROUTES) as RouteId[];
