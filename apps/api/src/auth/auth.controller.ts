import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { ZodPipe } from '../common/zod.pipe';
import { CurrentActor, Public } from './auth.guard';
import { LoginBodySchema, LoginUseCase, type LoginBody } from './login.usecase';

@Controller()
export class AuthController {
  constructor(@Inject(LoginUseCase) private readonly login: LoginUseCase) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  signIn(@Body(new ZodPipe(LoginBodySchema)) body: LoginBody) {
    return this.login.execute(body);
  }

  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return actor;
  }
}
