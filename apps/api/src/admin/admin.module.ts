import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AdminController } from './admin.controller';
import { AdminDirectoryUseCase } from './admin-directory.usecase';

@Module({ imports: [AuthModule], controllers: [AdminController], providers: [AdminDirectoryUseCase] })
export class AdminModule {}
