import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DirectoryImportModule } from '../directory-import/directory-import.module';
import { GovernanceModule } from '../governance/governance.module';
import { AdminActions } from './admin-actions.service';
import { AdminCalendarController } from './admin-calendar.controller';
import { AdminCalendarUseCase } from './admin-calendar.usecase';
import { AdminController } from './admin.controller';
import { AdminDirectoryUseCase } from './admin-directory.usecase';

@Module({
  imports: [AuthModule, GovernanceModule, DirectoryImportModule],
  controllers: [AdminController, AdminCalendarController],
  providers: [AdminDirectoryUseCase, AdminActions, AdminCalendarUseCase],
  exports: [AdminActions],
})
export class AdminModule {}
