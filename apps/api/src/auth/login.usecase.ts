import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import type { z } from 'zod';
import { ApiError } from '../common/api-error';
import { LoginBodySchema } from '../routes/route-schemas';
import { LoginRateLimiter } from './login-rate-limiter.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { TokenService } from './token.service';
import { actorOf, UsersRepository, type UserRecord } from './users.repository';

export { LoginBodySchema };
export type LoginBody = z.infer<typeof LoginBodySchema>;

// A valid bcrypt hash of a random string: unknown emails cost as much time as known ones.
const DUMMY_HASH = '$2b$10$xZhRbT3XLFBQYB2oV1JNM.Y5F83TZBPS/xCk4LSdYKAVYKkU/jGLa';

@Injectable()
export class LoginUseCase {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository,
    @Inject(LoginRateLimiter) private readonly limiter: LoginRateLimiter,
  ) {}

  async execute(body: LoginBody, ip: string) {
    await this.limiter.check(body.email, ip);
    const user = await this.users.byEmail(body.email);
    const ok = await bcrypt.compare(body.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      await this.limiter.recordFailure(body.email, ip);
      throw new ApiError(401, 'INVALID_CREDENTIALS', 'Email or password is wrong.');
    }
    await this.limiter.reset(body.email, ip);
    return this.session(user, await this.refreshTokens.issue(user.userId));
  }

  async refresh(refreshToken: string) {
    const { userId, familyId } = await this.refreshTokens.consume(refreshToken);
    const user = await this.users.byId(userId);
    if (!user || user.disabled) throw new ApiError(401, 'INVALID_REFRESH_TOKEN', 'The account is not active.');
    return this.session(user, await this.refreshTokens.issue(userId, familyId));
  }

  async logout(refreshToken: string): Promise<void> {
    await this.refreshTokens.revokeFamilyOf(refreshToken);
  }

  /** The answer of a sign-in (also after a password change, which starts a new session). */
  async session(user: UserRecord, refreshToken: string) {
    const actor = actorOf(user);
    const access = await this.tokens.issueAccessToken(actor);
    return {
      accessToken: access.token,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
      refreshToken,
      /** true after an admin reset: the client shows the change-password screen, nothing else answers. */
      mustChangePassword: user.mustChangePassword,
      user: { ...actor, email: user.email, locale: user.locale },
    };
  }
}
