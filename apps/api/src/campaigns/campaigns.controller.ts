import { Body, Controller, Headers, Inject, Param, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '@mutu/domain';
import type { z } from 'zod';
import { CurrentActor } from '../auth/auth.guard';
import { bodyPipe, ZodPipe } from '../common/zod.pipe';
import type { UploadedFile as File } from '../evidence/checked-upload';
import { EvidenceUploadInterceptor } from '../evidence/evidence-upload.interceptor';
import { sendStoredFile } from '../evidence/send-stored-file';
import { Route } from '../routes/route.decorator';
import { ROUTES, type RouteSpec } from '../routes/route-table';
import * as S from '../routes/route-schemas';
import { ReadCampaignsUseCase } from './read-campaigns.usecase';
import { SendClusterCommandUseCase } from './send-cluster-command.usecase';
import { UploadMeetingPhotoUseCase } from './upload-meeting-photo.usecase';

const Id = new ZodPipe(S.PathIdSchema);
const MeetingNo = new ZodPipe(S.PathMeetingNumberSchema);
const Sha = new ZodPipe(S.PathSha256Schema);
type Body<T extends z.ZodType> = z.infer<T>;

/** Campaign reads and cluster commands: one thin method per route of the route table. */
@Controller()
export class CampaignsController {
  constructor(
    @Inject(ReadCampaignsUseCase) private readonly read: ReadCampaignsUseCase,
    @Inject(SendClusterCommandUseCase) private readonly send: SendClusterCommandUseCase,
    @Inject(UploadMeetingPhotoUseCase) private readonly photos: UploadMeetingPhotoUseCase,
  ) {}

  @Route(ROUTES.listCampaigns)
  list(@CurrentActor() a: Actor) {
    return this.read.list(a);
  }

  @Route(ROUTES.getCampaign)
  dashboard(@CurrentActor() a: Actor, @Param('campaignId', Id) campaignId: string) {
    return this.read.dashboard(a, campaignId);
  }

  @Route(ROUTES.getCluster)
  cluster(@CurrentActor() a: Actor, @Param('campaignId', Id) campaignId: string, @Param('clusterId', Id) clusterId: string) {
    return this.read.cluster(a, campaignId, clusterId);
  }

  @Route(ROUTES.getMeetingPhoto)
  async getPhoto(
    @CurrentActor() a: Actor,
    @Param('campaignId', Id) campaignId: string,
    @Param('clusterId', Id) clusterId: string,
    @Param('number', MeetingNo) number: number,
    @Param('sha256', Sha) sha256: string,
    @Res() res: Response,
  ) {
    sendStoredFile(res, sha256, await this.read.photo(a, campaignId, clusterId, number, sha256));
  }

  @Route(ROUTES.uploadMeetingPhoto)
  @UseInterceptors(EvidenceUploadInterceptor)
  photo(
    @CurrentActor() a: Actor,
    @Param('campaignId', Id) campaignId: string,
    @Param('clusterId', Id) clusterId: string,
    @Param('number', MeetingNo) number: number,
    @Body(new ZodPipe(S.MeetingPhotoFormSchema)) _form: object,
    @UploadedFile() file: File | undefined,
  ) {
    return this.photos.execute(a, campaignId, clusterId, number, file);
  }

  @Route(ROUTES.documentMeeting)
  document(
    @CurrentActor() a: Actor,
    @Param('campaignId', Id) campaignId: string,
    @Param('clusterId', Id) clusterId: string,
    @Param('number', MeetingNo) number: number,
    @Body(bodyPipe(S.DocumentMeetingBodySchema)) b: Body<typeof S.DocumentMeetingBodySchema>,
    @Headers('idempotency-key') k?: string,
  ) {
    return this.run(ROUTES.documentMeeting, 'DocumentMeeting', a, { campaignId, clusterId, number: String(number) }, b, { number, ...b }, k);
  }

  @Route(ROUTES.rescheduleMeeting)
  reschedule(
    @CurrentActor() a: Actor,
    @Param('campaignId', Id) campaignId: string,
    @Param('clusterId', Id) clusterId: string,
    @Param('number', MeetingNo) number: number,
    @Body(bodyPipe(S.RescheduleMeetingBodySchema)) b: Body<typeof S.RescheduleMeetingBodySchema>,
    @Headers('idempotency-key') k?: string,
  ) {
    return this.run(ROUTES.rescheduleMeeting, 'RescheduleMeeting', a, { campaignId, clusterId, number: String(number) }, b, { number, ...b }, k);
  }

  @Route(ROUTES.submitRtl)
  submitRtl(
    @CurrentActor() a: Actor,
    @Param('campaignId', Id) campaignId: string,
    @Param('clusterId', Id) clusterId: string,
    @Param('schoolId', Id) schoolId: string,
    @Body(bodyPipe(S.SubmitRtlBodySchema)) b: Body<typeof S.SubmitRtlBodySchema>,
    @Headers('idempotency-key') k?: string,
  ) {
    return this.run(ROUTES.submitRtl, 'SubmitRtl', a, { campaignId, clusterId, schoolId }, b, { schoolId, ...b }, k);
  }

  @Route(ROUTES.decideRtl)
  decideRtl(
    @CurrentActor() a: Actor,
    @Param('campaignId', Id) campaignId: string,
    @Param('clusterId', Id) clusterId: string,
    @Param('schoolId', Id) schoolId: string,
    @Body(bodyPipe(S.DecideRtlBodySchema)) b: Body<typeof S.DecideRtlBodySchema>,
    @Headers('idempotency-key') k?: string,
  ) {
    return this.run(ROUTES.decideRtl, 'DecideRtl', a, { campaignId, clusterId, schoolId }, b, { schoolId, ...b }, k);
  }

  private run<T extends 'DocumentMeeting' | 'RescheduleMeeting' | 'SubmitRtl' | 'DecideRtl'>(
    spec: RouteSpec,
    type: T,
    actor: Actor,
    params: { campaignId: string; clusterId: string } & Record<string, string>,
    body: object,
    payload: unknown,
    key: string | undefined,
  ) {
    return this.send.execute({
      actor,
      campaignId: params.campaignId,
      clusterId: params.clusterId,
      type,
      request: { method: spec.method, route: spec.path, params, body },
      idempotencyKey: key,
      payload: payload as never,
    });
  }
}
