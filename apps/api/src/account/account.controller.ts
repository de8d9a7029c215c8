import { Body, Controller, Inject, Ip, Param } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { PathIdSchema } from '../routes/route-schemas';
import { ChangePasswordBodySchema, ResetPasswordBodySchema, type ChangePasswordBody, type ResetPasswordBody } from './account.schemas';
import { ChangePasswordUseCase } from './change-password.usecase';
import { ResetPasswordUseCase } from './reset-password.usecase';
import { SignOutEverywhereUseCase } from './sign-out-everywhere.usecase';

@Controller()
export class AccountController {
  constructor(
    @Inject(ChangePasswordUseCase) private readonly changePassword: ChangePasswordUseCase,
    @Inject(SignOutEverywhereUseCase) private readonly signOutEverywhere: SignOutEverywhereUseCase,
    @Inject(ResetPasswordUseCase) private readonly resetPassword: ResetPasswordUseCase,
  ) {}

  @Route(ROUTES.changePassword)
  change(@CurrentActor() actor: Actor, @Body(new ZodPipe(ChangePasswordBodySchema)) body: ChangePasswordBody, @Ip() ip: string) {
    return this.changePassword.execute(actor, body, ip);
  }

  @Route(ROUTES.signOutEverywhere)
  signOut(@CurrentActor() actor: Actor) {
    return this.signOutEverywhere.execute(actor);
  }

  @Route(ROUTES.resetUserPassword)
  reset(
    @CurrentActor() actor: Actor,
    @Param('userId', new ZodPipe(PathIdSchema)) userId: string,
    @Body(new ZodPipe(ResetPasswordBodySchema)) body: ResetPasswordBody,
  ) {
    return this.resetPassword.execute(actor, userId, body);
  }
}
