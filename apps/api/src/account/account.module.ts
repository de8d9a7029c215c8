import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { GovernanceModule } from '../governance/governance.module';
import { AccountController } from './account.controller';
import { ChangePasswordUseCase } from './change-password.usecase';
import { ResetPasswordUseCase } from './reset-password.usecase';
import { SignOutEverywhereUseCase } from './sign-out-everywhere.usecase';

/** Account self-service (password change, sign out everywhere) and the admin's password reset. */
@Module({
  imports: [AuthModule, GovernanceModule],
  controllers: [AccountController],
  providers: [ChangePasswordUseCase, SignOutEverywhereUseCase, ResetPasswordUseCase],
})
export class AccountModule {}
