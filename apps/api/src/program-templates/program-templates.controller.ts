import { Body, Controller, Headers, Inject, Param } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { z } from 'zod';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { PathIdSchema } from '../routes/route-schemas';
import { CopyProgramUseCase } from './copy-program.usecase';
import { CopyProgramBodySchema, StartTemplateBodySchema, type CopyProgramBody, type StartTemplateBody } from './program-template.schemas';
import { StartTemplateUseCase } from './start-template.usecase';

const IdParam = new ZodPipe(z.object({ id: PathIdSchema }));

/** Programs started in bulk by the education office, or from a school's own previous year. */
@Controller()
export class ProgramTemplatesController {
  constructor(
    @Inject(StartTemplateUseCase) private readonly start: StartTemplateUseCase,
    @Inject(CopyProgramUseCase) private readonly copy: CopyProgramUseCase,
  ) {}

  @Route(ROUTES.startProgramTemplate)
  startTemplate(@CurrentActor() actor: Actor, @Body(new ZodPipe(StartTemplateBodySchema)) body: StartTemplateBody) {
    return this.start.execute(actor, body);
  }

  @Route(ROUTES.copyProgram)
  copyProgram(
    @CurrentActor() actor: Actor,
    @Param(IdParam) p: { id: string },
    @Body(new ZodPipe(CopyProgramBodySchema)) body: CopyProgramBody,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    return this.copy.execute(actor, p.id, body, idempotencyKey);
  }
}
