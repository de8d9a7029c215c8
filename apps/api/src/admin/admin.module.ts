import { Module } from '@nestjs/common';
import { AdminController } from './admin.controller';
import { AdminDirectoryUseCase } from './admin-directory.usecase';

@Module({ controllers: [AdminController], providers: [AdminDirectoryUseCase] })
export class AdminModule {}
