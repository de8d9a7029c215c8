import { Body, Controller, Inject, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import type { Response } from 'express';
import { ImportDirectoryFormSchema, type ImportDirectoryForm } from '../admin/admin-console.schemas';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { EvidenceUploadInterceptor } from '../evidence/evidence-upload.interceptor';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { ImportDirectoryUseCase, type DirectoryKind, type DirectoryUpload } from './import-directory.usecase';

/** 201 when the rows were created; 200 for a dry run. Same multipart parsing and size limit as evidence uploads. */
@Controller()
export class DirectoryImportController {
  constructor(@Inject(ImportDirectoryUseCase) private readonly importDirectory: ImportDirectoryUseCase) {}

  private async run(actor: Actor, kind: DirectoryKind, form: ImportDirectoryForm, file: DirectoryUpload | undefined, res: Response) {
    const result = await this.importDirectory.execute(actor, kind, file, form.dryRun === 'true');
    if (!result.created) res.status(200);
    return result;
  }

  @Route(ROUTES.importRegions)
  @UseInterceptors(EvidenceUploadInterceptor)
  regions(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ImportDirectoryFormSchema)) form: ImportDirectoryForm,
    @UploadedFile() file: DirectoryUpload | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(actor, 'regions', form, file, res);
  }

  @Route(ROUTES.importSchools)
  @UseInterceptors(EvidenceUploadInterceptor)
  schools(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ImportDirectoryFormSchema)) form: ImportDirectoryForm,
    @UploadedFile() file: DirectoryUpload | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(actor, 'schools', form, file, res);
  }

  @Route(ROUTES.importUsers)
  @UseInterceptors(EvidenceUploadInterceptor)
  users(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ImportDirectoryFormSchema)) form: ImportDirectoryForm,
    @UploadedFile() file: DirectoryUpload | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(actor, 'users', form, file, res);
  }
}
