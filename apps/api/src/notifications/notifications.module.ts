import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { InboxStateUseCases } from './inbox-state.usecases';
import { ListMyNotificationsUseCase } from './list-my-notifications.usecase';
import { NotificationPreferencesUseCases } from './notification-preferences.usecases';
import { NotificationsController } from './notifications.controller';

@Module({
  imports: [AuthModule],
  controllers: [NotificationsController],
  providers: [ListMyNotificationsUseCase, InboxStateUseCases, NotificationPreferencesUseCases],
})
export class NotificationsApiModule {}
