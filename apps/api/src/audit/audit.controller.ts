import { Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { ExportBundleUseCase } from './export-bundle.usecase';
import { GetStateAtUseCase, StateQuerySchema, type StateQuery } from './get-state-at.usecase';
import { GetTimelineUseCase, TimelineQuerySchema, type TimelineQuery } from './get-timeline.usecase';
import { EventsQuerySchema, ListAuditEventsUseCase, type EventsQuery } from './list-audit-events.usecase';
import { VerifyProgramUseCase } from './verify-program.usecase';

const ProgramIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'not a program id');
const id = new ZodPipe(ProgramIdSchema);

@Controller('audit/programs')
export class AuditController {
  constructor(
    @Inject(ListAuditEventsUseCase) private readonly listEvents: ListAuditEventsUseCase,
    @Inject(GetTimelineUseCase) private readonly timeline: GetTimelineUseCase,
    @Inject(GetStateAtUseCase) private readonly stateAt: GetStateAtUseCase,
    @Inject(VerifyProgramUseCase) private readonly verifyProgram: VerifyProgramUseCase,
    @Inject(ExportBundleUseCase) private readonly exportBundle: ExportBundleUseCase,
  ) {}

  @Get(':id/events')
  events(@CurrentActor() actor: Actor, @Param('id', id) programId: string, @Query(new ZodPipe(EventsQuerySchema)) q: EventsQuery) {
    return this.listEvents.execute(actor, programId, q);
  }

  @Get(':id/timeline')
  getTimeline(@CurrentActor() actor: Actor, @Param('id', id) programId: string, @Query(new ZodPipe(TimelineQuerySchema)) q: TimelineQuery) {
    return this.timeline.execute(actor, programId, q);
  }

  @Get(':id/state')
  state(@CurrentActor() actor: Actor, @Param('id', id) programId: string, @Query(new ZodPipe(StateQuerySchema)) q: StateQuery) {
    return this.stateAt.execute(actor, programId, q);
  }

  @Post(':id/verify')
  @HttpCode(200)
  verify(@CurrentActor() actor: Actor, @Param('id', id) programId: string) {
    return this.verifyProgram.execute(actor, programId);
  }

  @Get(':id/export')
  async export(@CurrentActor() actor: Actor, @Param('id', id) programId: string, @Res() res: Response) {
    const { archive, manifest } = await this.exportBundle.execute(actor, programId);
    res.setHeader('content-type', 'application/gzip');
    res.setHeader('content-disposition', `attachment; filename="mutu-audit-${programId}-v${manifest.head.version}.tar.gz"`);
    res.setHeader('content-length', String(archive.length));
    res.end(archive);
  }
}
