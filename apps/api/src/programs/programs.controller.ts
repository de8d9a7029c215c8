import { Body, Controller, Get, Headers, Inject, Param, Post } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { z } from 'zod';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { CreateProgramBodySchema, CreateProgramUseCase, type CreateProgramBody } from './create-program.usecase';
import { GetProgramUseCase } from './get-program.usecase';

const ProgramIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'not a program id');

@Controller('programs')
export class ProgramsController {
  constructor(
    @Inject(CreateProgramUseCase) private readonly createProgram: CreateProgramUseCase,
    @Inject(GetProgramUseCase) private readonly getProgram: GetProgramUseCase,
  ) {}

  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(CreateProgramBodySchema)) body: CreateProgramBody,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    return this.createProgram.execute(actor, body, idempotencyKey);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', new ZodPipe(ProgramIdSchema)) id: string) {
    return this.getProgram.execute(actor, id);
  }
}
