import { Body, Controller, Inject, Param, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Actor, StatutoryReport } from '@mutu/domain';
import type { z } from 'zod';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import type { UploadedFile as File } from '../evidence/checked-upload';
import { EvidenceUploadInterceptor } from '../evidence/evidence-upload.interceptor';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { ListStatutoryDeadlinesUseCase } from './list-statutory-deadlines.usecase';
import { RecordStatutorySubmissionUseCase } from './record-statutory-submission.usecase';
import { StatutoryPathSchema, StatutorySubmissionFormSchema, StatutorySubmissionPathSchema } from './statutory.schemas';

/** A school's statutory BOSP report deadlines (stage I, annual) and the principal's submissions. */
@Controller()
export class StatutoryController {
  constructor(
    @Inject(ListStatutoryDeadlinesUseCase) private readonly list: ListStatutoryDeadlinesUseCase,
    @Inject(RecordStatutorySubmissionUseCase) private readonly record: RecordStatutorySubmissionUseCase,
  ) {}

  @Route(ROUTES.statutoryDeadlines)
  get(@CurrentActor() actor: Actor, @Param(new ZodPipe(StatutoryPathSchema)) p: { schoolId: string; year: number }) {
    return this.list.execute(actor, p.schoolId, p.year);
  }

  @Route(ROUTES.recordStatutorySubmission)
  @UseInterceptors(EvidenceUploadInterceptor)
  submit(
    @CurrentActor() actor: Actor,
    @Param(new ZodPipe(StatutorySubmissionPathSchema)) p: { schoolId: string; year: number; report: StatutoryReport },
    @Body(new ZodPipe(StatutorySubmissionFormSchema)) form: z.infer<typeof StatutorySubmissionFormSchema>,
    @UploadedFile() file: File | undefined,
  ) {
    return this.record.execute(actor, p.schoolId, p.year, p.report, form.submittedOn, file);
  }
}
