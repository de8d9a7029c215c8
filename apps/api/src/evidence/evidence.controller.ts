import { Body, Controller, Headers, Inject, Param, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import type { Response } from 'express';
import type { z } from 'zod';
import { CurrentActor } from '../auth/auth.guard';
import { bodyPipe, ZodPipe } from '../common/zod.pipe';
import { SendCommandUseCase } from '../programs/send-command.usecase';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { EvidenceFormSchema, PathIdSchema, PathSha256Schema, WithdrawEvidenceBodySchema } from '../routes/route-schemas';
import { AttachEvidenceUseCase, type UploadedFile as File } from './attach-evidence.usecase';
import { DownloadEvidenceUseCase } from './download-evidence.usecase';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import { sendStoredFile } from './send-stored-file';

const Id = new ZodPipe(PathIdSchema);
const Sha = new ZodPipe(PathSha256Schema);

@Controller()
export class EvidenceController {
  constructor(
    @Inject(AttachEvidenceUseCase) private readonly attach: AttachEvidenceUseCase,
    @Inject(DownloadEvidenceUseCase) private readonly download: DownloadEvidenceUseCase,
    @Inject(SendCommandUseCase) private readonly send: SendCommandUseCase,
  ) {}

  @Route(ROUTES.attachEvidence)
  @UseInterceptors(EvidenceUploadInterceptor)
  upload(
    @CurrentActor() actor: Actor,
    @Param('id', Id) id: string,
    @Param('activityId', Id) activityId: string,
    @Body(new ZodPipe(EvidenceFormSchema)) form: z.infer<typeof EvidenceFormSchema>,
    @UploadedFile() file: File | undefined,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.attach.execute(actor, id, activityId, form.kind, file, key);
  }

  @Route(ROUTES.withdrawEvidence)
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', Id) id: string,
    @Param('activityId', Id) activityId: string,
    @Param('sha256', Sha) sha256: string,
    @Body(bodyPipe(WithdrawEvidenceBodySchema)) body: z.infer<typeof WithdrawEvidenceBodySchema>,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.send.execute({
      actor,
      programId: id,
      type: 'WithdrawEvidence',
      request: { method: 'DELETE', route: ROUTES.withdrawEvidence.path, params: { id, activityId, sha256 }, body },
      idempotencyKey: key,
      payload: () => ({ activityId, sha256, reason: body.reason }),
    });
  }

  @Route(ROUTES.downloadEvidence)
  async get(@CurrentActor() actor: Actor, @Param('sha256', Sha) sha256: string, @Res() res: Response) {
    const file = await this.download.execute(actor, sha256);
    sendStoredFile(res, sha256, file);
  }
}
