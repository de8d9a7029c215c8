import { Controller, Inject, Param, Query, Res } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import type { Response } from 'express';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { PathIdSchema } from '../routes/route-schemas';
import { ExportBundleUseCase } from './export-bundle.usecase';
import { GetStateAtUseCase, StateQuerySchema, type StateQuery } from './get-state-at.usecase';
import { GetTimelineUseCase, TimelineQuerySchema, type TimelineQuery } from './get-timeline.usecase';
import { EventsQuerySchema, ListAuditEventsUseCase, type EventsQuery } from './list-audit-events.usecase';
import { VerifyProgramUseCase } from './verify-program.usecase';

const id = new ZodPipe(PathIdSchema);

@Controller()
export class AuditController {
  constructor(
    @Inject(ListAuditEventsUseCase) private readonly listEvents: ListAuditEventsUseCase,
    @Inject(GetTimelineUseCase) private readonly timeline: GetTimelineUseCase,
    @Inject(GetStateAtUseCase) private readonly stateAt: GetStateAtUseCase,
    @Inject(VerifyProgramUseCase) private readonly verifyProgram: VerifyProgramUseCase,
    @Inject(ExportBundleUseCase) private readonly exportBundle: ExportBundleUseCase,
  ) {}

  @Route(ROUTES.auditEvents)
  events(@CurrentActor() actor: Actor, @Param('id', id) programId: string, @Query(new ZodPipe(EventsQuerySchema)) q: EventsQuery) {
    return this.listEvents.execute(actor, programId, q);
  }

  @Route(ROUTES.auditTimeline)
  getTimeline(@CurrentActor() actor: Actor, @Param('id', id) programId: string, @Query(new ZodPipe(TimelineQuerySchema)) q: TimelineQuery) {
    return this.timeline.execute(actor, programId, q);
  }

  @Route(ROUTES.auditState)
  state(@CurrentActor() actor: Actor, @Param('id', id) programId: string, @Query(new ZodPipe(StateQuerySchema)) q: StateQuery) {
    return this.stateAt.execute(actor, programId, q);
  }

  @Route(ROUTES.auditVerify)
  verify(@CurrentActor() actor: Actor, @Param('id', id) programId: string) {
    return this.verifyProgram.execute(actor, programId);
  }

  @Route(ROUTES.auditExport)
  async export(@CurrentActor() actor: Actor, @Param('id', id) programId: string, @Res() res: Response) {
    const { archive, manifest } = await this.exportBundle.execute(actor, programId);
    res.setHeader('content-type', 'application/gzip');
    res.setHeader('content-disposition', `attachment; filename="mutu-audit-${programId}-v${manifest.head.version}.tar.gz"`);
    res.setHeader('content-length', String(archive.length));
    res.end(archive);
  }
}
