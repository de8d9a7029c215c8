// Request schemas of every route, built from the domain's payload schemas so the API, the
// decider and the OpenAPI document agree. Strict objects: an unknown field is a 400.
import { clusterPayloadSchemas, EvidenceKindSchema, IdSchema, payloadSchemas, Sha256Schema, StageSchema } from '@mutu/domain';
import { z } from 'zod';
import { DOCS_ASSETS, type DocsAsset } from '../docs/swagger-ui';

const P = payloadSchemas;
const { activityId: _a1, ...assignShape } = P.AssignActivity.shape;
const { activityId: _a2, ...completeShape } = P.CompleteActivity.shape;
const { activityId: _a3, ...dropShape } = P.DropActivity.shape;
const { activityId: _a4, sha256: _s, ...withdrawShape } = P.WithdrawEvidence.shape;
const { activityId: _a5, bospComponents: _b1, ...expenditureShape } = P.RecordExpenditure.shape;
const { activityId: _a6, expenditureId: _e1, ...withdrawExpenditureShape } = P.WithdrawExpenditure.shape;
const { activityId: _a7, ...acknowledgeShape } = P.AcknowledgeOverspend.shape;
const { bospComponents: _b2, ...submitPlanShape } = P.SubmitPlan.shape;

export const PathIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'not an id');
export const PathSha256Schema = Sha256Schema;
export const PathYearSchema = z.coerce.number().int().min(2000).max(2100);
export const DocsAssetSchema = z.enum(Object.keys(DOCS_ASSETS) as [DocsAsset, ...DocsAsset[]]);

export const EmptyBodySchema = z.strictObject({});
export const EditPlanBodySchema = z.strictObject(P.EditPlan.shape);
// The year's BOSP component codes are the server's to add, never the client's.
export const SubmitPlanBodySchema = z.strictObject(submitPlanShape);
export const DecisionBodySchema = z.strictObject(P.DecidePlan.shape);
export const AssignActivityBodySchema = z.strictObject(assignShape);
export const CompleteActivityBodySchema = z.strictObject(completeShape);
export const DropActivityBodySchema = z.strictObject(dropShape);
export const EvidenceFormSchema = z.strictObject({ kind: EvidenceKindSchema });
export const WithdrawEvidenceBodySchema = z.strictObject(withdrawShape);
export const EditReportBodySchema = z.strictObject(P.EditReport.shape);
// The signer names the report version and hash they read (shown by the report view).
export const SignReportBodySchema = z.strictObject({ ...P.SignReport.shape, reportVersion: z.number().int().positive() });
export const RequestCancellationBodySchema = z.strictObject(P.RequestCancellation.shape);
export const ConfirmCancellationBodySchema = z.strictObject(P.ConfirmCancellation.shape);
export const RejectCancellationBodySchema = z.strictObject(P.RejectCancellation.shape);
export const ExtendDeadlineBodySchema = z.strictObject(P.ExtendDeadline.shape);
export const RecordExpenditureBodySchema = z.strictObject(expenditureShape);
export const WithdrawExpenditureBodySchema = z.strictObject(withdrawExpenditureShape);
export const AcknowledgeOverspendBodySchema = z.strictObject(acknowledgeShape);

export const CreateProgramBodySchema = z.strictObject({
  schoolId: P.CreateProgram.shape.schoolId,
  budgetYear: P.CreateProgram.shape.budgetYear,
  title: P.CreateProgram.shape.title,
  plan: P.CreateProgram.shape.plan.optional(),
});

/** A page cursor: the base64url of the last program id of the previous page (so it decodes to an id). */
const ListCursorSchema = z
  .string()
  .max(400)
  .regex(/^[A-Za-z0-9_-]*$/, 'not a cursor')
  .refine((c) => /^[A-Za-z0-9_-]{1,200}$/.test(Buffer.from(c, 'base64url').toString('utf8')), 'not a cursor');

export const ListProgramsQuerySchema = z.strictObject({
  schoolId: IdSchema.optional(),
  regionId: IdSchema.optional(),
  budgetYear: z.coerce.number().int().min(2000).max(2100).optional(),
  stage: StageSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  cursor: ListCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type ListProgramsQuery = z.infer<typeof ListProgramsQuerySchema>;

export const LoginBodySchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});
/** The refresh token in the body (scripts, the CLI); the web app sends `{}` and the token rides in its httpOnly cookie. */
export const RefreshBodySchema = z.strictObject({ refreshToken: z.string().min(20).max(200).optional() });

const RoleList = z.array(z.enum(['principal', 'qa_team', 'staff', 'committee', 'supervisor', 'district_officer', 'auditor', 'admin', 'mentor'])).min(1).max(9);
export const CreateRegionBodySchema = z.strictObject({ regionId: PathIdSchema, name: z.string().min(1).max(200) });
export const CreateSchoolBodySchema = z.strictObject({
  schoolId: PathIdSchema,
  regionId: PathIdSchema,
  name: z.string().min(1).max(200),
  npsn: z.string().regex(/^\d{8}$/, 'NPSN has 8 digits').optional(),
  level: z.enum(['SD', 'SMP', 'SMA', 'SMK']).default('SD'),
  timeZone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']).default('Asia/Jakarta'),
  /** Kecamatan, as in the Dapodik school list. */
  subDistrict: z.string().min(1).max(200).optional(),
});
export const CreateUserBodySchema = z.strictObject({
  userId: PathIdSchema,
  email: z.email().max(254),
  name: z.string().min(1).max(200),
  password: z.string().min(10).max(200),
  roles: RoleList,
  schoolIds: z.array(PathIdSchema).max(1000).default([]),
  regionIds: z.array(PathIdSchema).max(100).default([]),
  locale: z.enum(['id', 'en']).default('id'),
});
export const UpdateUserBodySchema = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  roles: RoleList.optional(),
  schoolIds: z.array(PathIdSchema).max(1000).optional(),
  regionIds: z.array(PathIdSchema).max(100).optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(10).max(200).optional(),
});

/** POST /campaigns/import: multipart `file` plus an optional dry-run flag. */
export const ImportCampaignFormSchema = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });
export type ImportCampaignForm = z.infer<typeof ImportCampaignFormSchema>;

// --- mentoring campaigns ---
const CP = clusterPayloadSchemas;
const { number: _n1, ...documentShape } = CP.DocumentMeeting.shape;
const { number: _n2, ...rescheduleShape } = CP.RescheduleMeeting.shape;
const { schoolId: _sc1, ...submitRtlShape } = CP.SubmitRtl.shape;
const { schoolId: _sc2, ...decideRtlShape } = CP.DecideRtl.shape;
export const PathMeetingNumberSchema = z.coerce.number().int().min(1).max(21);
export const DocumentMeetingBodySchema = z.strictObject(documentShape);
export const RescheduleMeetingBodySchema = z.strictObject(rescheduleShape);
export const SubmitRtlBodySchema = z.strictObject(submitRtlShape);
export const DecideRtlBodySchema = z.strictObject(decideRtlShape);
export const MeetingPhotoFormSchema = z.strictObject({ kind: z.literal('photo').optional() });

// Audit, calendar and in-app inbox schemas live next to their use cases; the table names them here.
export { EventsQuerySchema } from '../audit/list-audit-events.usecase';
export { StateQuerySchema } from '../audit/get-state-at.usecase';
export { TimelineQuerySchema } from '../audit/get-timeline.usecase';
export { DayOffIdSchema, NewDayOffBodySchema } from '../calendar/days-off.schemas';
export { InboxQuerySchema } from '../notifications/list-my-notifications.usecase';

/**
 * The pattern of every path parameter, by name, unless a route names its own: the OpenAPI
 * document publishes them and the route guard enforces them (400 at the parameter's name).
 */
export const PATH_PARAMS: Record<string, z.ZodType> = {
  id: PathIdSchema,
  activityId: PathIdSchema,
  userId: PathIdSchema,
  campaignId: PathIdSchema,
  clusterId: PathIdSchema,
  schoolId: PathIdSchema,
  sha256: PathSha256Schema,
  number: PathMeetingNumberSchema,
  year: PathYearSchema,
  expenditureId: PathIdSchema,
};
