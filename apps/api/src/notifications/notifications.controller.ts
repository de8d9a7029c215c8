import { Body, Controller, Inject, Query } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { InboxStateUseCases } from './inbox-state.usecases';
import { InboxQuerySchema, ListMyNotificationsUseCase, type InboxQuery } from './list-my-notifications.usecase';
import { NotificationPreferencesUseCases } from './notification-preferences.usecases';
import { MarkReadBodySchema, NotificationPreferencesBodySchema, type MarkReadBody, type NotificationPreferencesBody } from './notification.schemas';

@Controller()
export class NotificationsController {
  constructor(
    @Inject(ListMyNotificationsUseCase) private readonly inbox: ListMyNotificationsUseCase,
    @Inject(InboxStateUseCases) private readonly inboxState: InboxStateUseCases,
    @Inject(NotificationPreferencesUseCases) private readonly preferences: NotificationPreferencesUseCases,
  ) {}

  @Route(ROUTES.myNotifications)
  list(@CurrentActor() actor: Actor, @Query(new ZodPipe(InboxQuerySchema)) query: InboxQuery) {
    return this.inbox.execute(actor, query);
  }

  @Route(ROUTES.myUnreadCount)
  unread(@CurrentActor() actor: Actor) {
    return this.inboxState.unreadCount(actor);
  }

  @Route(ROUTES.markNotificationsRead)
  markRead(@CurrentActor() actor: Actor, @Body(new ZodPipe(MarkReadBodySchema)) body: MarkReadBody) {
    return this.inboxState.markRead(actor, body.ids);
  }

  @Route(ROUTES.markAllNotificationsRead)
  markAllRead(@CurrentActor() actor: Actor) {
    return this.inboxState.markAllRead(actor);
  }

  @Route(ROUTES.getNotificationPreferences)
  getPreferences(@CurrentActor() actor: Actor) {
    return this.preferences.get(actor);
  }

  @Route(ROUTES.putNotificationPreferences)
  putPreferences(@CurrentActor() actor: Actor, @Body(new ZodPipe(NotificationPreferencesBodySchema)) body: NotificationPreferencesBody) {
    return this.preferences.put(actor, body);
  }
}
