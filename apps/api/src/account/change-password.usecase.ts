import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import type { Actor } from '@mutu/domain';
import { DataSource } from 'typeorm';
import { LoginRateLimiter } from '../auth/login-rate-limiter.service';
import { LoginUseCase } from '../auth/login.usecase';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { UsersRepository } from '../auth/users.repository';
import { ApiError } from '../common/api-error';
import type { ChangePasswordBody } from './account.schemas';
import { weakPasswordReason, type WeakPasswordReason } from './password-policy';

const WEAK_MESSAGES: Record<WeakPasswordReason | 'unchanged', string> = {
  too_short: 'at least 10 characters',
  equals_email: 'must not be your email address',
  common: 'too common; choose another',
  unchanged: 'must differ from the current password',
};

/** 422 WEAK_PASSWORD naming the rule, with the field's path for the form. */
export function weakPassword(reason: WeakPasswordReason | 'unchanged', path: string): ApiError {
  return new ApiError(422, 'WEAK_PASSWORD', `The new password is too weak: ${WEAK_MESSAGES[reason]}.`, {
    issues: [{ path, message: WEAK_MESSAGES[reason] }],
    details: { reason },
  });
}

/**
 * A user changes their own password: the current one proves it is them (wrong guesses count
 * against the sign-in limit of their email and address), the new one meets the strength rules.
 * Every session of the account ends, and the caller gets a new one in the answer.
 */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository,
    @Inject(LoginRateLimiter) private readonly limiter: LoginRateLimiter,
    @Inject(LoginUseCase) private readonly login: LoginUseCase,
  ) {}

  async execute(actor: Actor, body: ChangePasswordBody, ip: string) {
    const user = await this.users.byId(actor.userId);
    if (!user || user.disabled) throw new ApiError(401, 'INVALID_TOKEN', 'The account behind this token is not active.');
    await this.limiter.check(user.email, ip);
    if (!(await bcrypt.compare(body.currentPassword, user.passwordHash))) {
      await this.limiter.recordFailure(user.email, ip);
      throw new ApiError(422, 'CURRENT_PASSWORD_WRONG', 'The current password is wrong.', {
        issues: [{ path: 'currentPassword', message: 'wrong password' }],
      });
    }
    const reason = weakPasswordReason(body.newPassword, user.email);
    if (reason) throw weakPassword(reason, 'newPassword');
    if (body.newPassword === body.currentPassword) throw weakPassword('unchanged', 'newPassword');
    const hash = await bcrypt.hash(body.newPassword, 10);
    await this.ds.transaction(async (tx) => {
      await tx.query(
        `UPDATE users SET password_hash = $2, must_change_password = false, password_changed_at = now() WHERE user_id = $1`,
        [user.userId, hash],
      );
      await this.refreshTokens.revokeAllOf(user.userId, tx);
    });
    const refreshToken = await this.refreshTokens.issue(user.userId);
    await this.limiter.reset(user.email, ip);
    this.users.forget(user.userId);
    return this.login.session({ ...user, passwordHash: hash, mustChangePassword: false }, refreshToken);
  }
}
