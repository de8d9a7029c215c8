import { Body, Controller, Inject, Ip, Req, Res } from '@nestjs/common';
import { CONFIG, type Config } from '@mutu/config';
import type { Actor } from '@mutu/domain';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { ApiError } from '../common/api-error';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { RefreshBodySchema } from '../routes/route-schemas';
import { CurrentActor } from './auth.guard';
import { LoginBodySchema, LoginUseCase, type LoginBody } from './login.usecase';
import { clearRefreshCookie, deliverSession, refreshTokenOf } from './refresh-cookie';

type RefreshBody = z.infer<typeof RefreshBodySchema>;

@Controller()
export class AuthController {
  constructor(
    @Inject(LoginUseCase) private readonly login: LoginUseCase,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Route(ROUTES.login)
  async signIn(@Body(new ZodPipe(LoginBodySchema)) body: LoginBody, @Ip() ip: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return deliverSession(req, res, await this.login.execute(body, ip), this.config.JWT_REFRESH_TTL_SECONDS);
  }

  @Route(ROUTES.refresh)
  async refresh(@Body(new ZodPipe(RefreshBodySchema)) body: RefreshBody, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const presented = refreshTokenOf(req, body.refreshToken);
    if (!presented) throw new ApiError(401, 'INVALID_REFRESH_TOKEN', 'No refresh token: send it in the body or sign in again.');
    try {
      return deliverSession(req, res, await this.login.refresh(presented.token), this.config.JWT_REFRESH_TTL_SECONDS, presented.from === 'cookie');
    } catch (e) {
      // A cookie that cannot refresh is dead weight: the browser stops sending it.
      if (presented.from === 'cookie') clearRefreshCookie(res);
      throw e;
    }
  }

  @Route(ROUTES.logout)
  async logout(@Body(new ZodPipe(RefreshBodySchema)) body: RefreshBody, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const presented = refreshTokenOf(req, body.refreshToken);
    if (presented) await this.login.logout(presented.token);
    clearRefreshCookie(res);
  }

  @Route(ROUTES.me)
  me(@CurrentActor() actor: Actor) {
    return actor;
  }
}
