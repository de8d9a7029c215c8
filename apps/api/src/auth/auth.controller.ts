import { Body, Controller, Inject, Ip } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import type { z } from 'zod';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { RefreshBodySchema } from '../routes/route-schemas';
import { CurrentActor } from './auth.guard';
import { LoginBodySchema, LoginUseCase, type LoginBody } from './login.usecase';

@Controller()
export class AuthController {
  constructor(@Inject(LoginUseCase) private readonly login: LoginUseCase) {}

  @Route(ROUTES.login)
  signIn(@Body(new ZodPipe(LoginBodySchema)) body: LoginBody, @Ip() ip: string) {
    return this.login.execute(body, ip);
  }

  @Route(ROUTES.refresh)
  refresh(@Body(new ZodPipe(RefreshBodySchema)) body: z.infer<typeof RefreshBodySchema>) {
    return this.login.refresh(body.refreshToken);
  }

  @Route(ROUTES.logout)
  async logout(@Body(new ZodPipe(RefreshBodySchema)) body: z.infer<typeof RefreshBodySchema>) {
    await this.login.logout(body.refreshToken);
  }

  @Route(ROUTES.me)
  me(@CurrentActor() actor: Actor) {
    return actor;
  }
}
