import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { LoginRateLimiter } from './login-rate-limiter.service';
import { LoginUseCase } from './login.usecase';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { TokenService, TokenVerifier } from './token.service';
import { UsersRepository } from './users.repository';

@Module({
  controllers: [AuthController],
  providers: [
    TokenService,
    { provide: TokenVerifier, useExisting: TokenService },
    UsersRepository,
    RefreshTokensRepository,
    LoginRateLimiter,
    LoginUseCase,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersRepository, TokenService, RefreshTokensRepository, LoginRateLimiter, LoginUseCase],
})
export class AuthModule {}
