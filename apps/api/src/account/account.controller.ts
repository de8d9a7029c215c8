import { Body, Controller, Inject, Ip, Param, Req, Res } from '@nestjs/common';
import { CONFIG, type Config } from '@mutu/config';
import type { Actor } from '@mutu/domain';
import type { Request, Response } from 'express';
import { CurrentActor } from '../auth/auth.guard';
import { clearRefreshCookie, deliverSession } from '../auth/refresh-cookie';
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
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Route(ROUTES.changePassword)
  async change(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ChangePasswordBodySchema)) body: ChangePasswordBody,
    @Ip() ip: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    // The new session's refresh token replaces the cookie of the web app.
    return deliverSession(req, res, await this.changePassword.execute(actor, body, ip), this.config.JWT_REFRESH_TTL_SECONDS);
  }

  @Route(ROUTES.signOutEverywhere)
  signOut(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    clearRefreshCookie(res);
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
