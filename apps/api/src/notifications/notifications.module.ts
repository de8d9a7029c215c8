import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { ListMyNotificationsUseCase } from './list-my-notifications.usecase';

@Module({ controllers: [NotificationsController], providers: [ListMyNotificationsUseCase] })
export class NotificationsApiModule {}
