import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';

/**
 * Ends every session of the caller on every device: all their refresh tokens are revoked, so no
 * session can be renewed. Access tokens already issued stay valid until they expire
 * (JWT_ACCESS_TTL_SECONDS, 15 minutes by default): they are stateless by design.
 */
@Injectable()
export class SignOutEverywhereUseCase {
  constructor(@Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository) {}

  async execute(actor: Actor): Promise<{ revokedSessions: number }> {
    return { revokedSessions: await this.refreshTokens.revokeAllOf(actor.userId) };
  }
}
