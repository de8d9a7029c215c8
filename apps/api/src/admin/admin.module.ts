import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { GovernanceModule } from '../governance/governance.module';
import { AdminActions } from './admin-actions.service';
import { AdminController } from './admin.controller';
import { AdminDirectoryUseCase } from './admin-directory.usecase';

@Module({ imports: [AuthModule, GovernanceModule], controllers: [AdminController], providers: [AdminDirectoryUseCase, AdminActions], exports: [AdminActions] })
export class AdminModule {}
