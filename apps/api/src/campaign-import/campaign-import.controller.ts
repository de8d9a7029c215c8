import { Body, Controller, Inject, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import type { Response } from 'express';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { EvidenceUploadInterceptor } from '../evidence/evidence-upload.interceptor';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { ImportCampaignFormSchema, type ImportCampaignForm } from '../routes/route-schemas';
import { ImportCampaignUseCase, type SheetUpload } from './import-campaign.usecase';

@Controller()
export class CampaignImportController {
  constructor(@Inject(ImportCampaignUseCase) private readonly importCampaign: ImportCampaignUseCase) {}

  /** 201 when the campaign was started; 200 for a dry run and for a sheet imported before. */
  @Route(ROUTES.importCampaign)
  // Same multipart parsing and size limit (UPLOAD_MAX_BYTES) as evidence uploads.
  @UseInterceptors(EvidenceUploadInterceptor)
  async upload(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ImportCampaignFormSchema)) form: ImportCampaignForm,
    @UploadedFile() file: SheetUpload | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.importCampaign.execute(actor, file, form.dryRun === 'true');
    if (!result.created) res.status(200);
    return result;
  }
}
