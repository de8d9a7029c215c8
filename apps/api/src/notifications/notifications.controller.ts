import { Controller, Inject, Query } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { InboxQuerySchema, ListMyNotificationsUseCase, type InboxQuery } from './list-my-notifications.usecase';

@Controller()
export class NotificationsController {
  constructor(@Inject(ListMyNotificationsUseCase) private readonly inbox: ListMyNotificationsUseCase) {}

  @Route(ROUTES.myNotifications)
  list(@CurrentActor() actor: Actor, @Query(new ZodPipe(InboxQuerySchema)) query: InboxQuery) {
    return this.inbox.execute(actor, query);
  }
}
