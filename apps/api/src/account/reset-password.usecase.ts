import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import type { Actor } from '@mutu/domain';
import { DataSource } from 'typeorm';
import { adminMeta } from '../admin/admin-events';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { UsersRepository } from '../auth/users.repository';
import { notFound } from '../common/api-error';
import { ADMIN_STREAM, GovernanceLog } from '../governance/governance-log';
import type { ResetPasswordBody } from './account.schemas';
import { weakPassword } from './change-password.usecase';
import { weakPasswordReason } from './password-policy';

/**
 * An admin sets a temporary password: the user's sessions end, and at the next sign-in the login
 * answers `mustChangePassword: true` and the API refuses everything but the change-password route
 * (403 PASSWORD_CHANGE_REQUIRED) until they choose their own. The reset is an event of the admin
 * stream (never the password itself), appended in the transaction that makes it.
 */
@Injectable()
export class ResetPasswordUseCase {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(GovernanceLog) private readonly log: GovernanceLog,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository,
  ) {}

  async execute(actor: Actor, userId: string, body: ResetPasswordBody) {
    const user = await this.users.byId(userId);
    if (!user) throw notFound('user');
    const reason = weakPasswordReason(body.temporaryPassword, user.email);
    if (reason) throw weakPassword(reason, 'temporaryPassword');
    const hash = await bcrypt.hash(body.temporaryPassword, 10);
    const regions = await this.regionsOf(user.regionIds, user.schoolIds);
    const data = { userId, changes: {}, passwordReset: true, mustChangePassword: true, ...adminMeta(actor, regions) };
    await this.log.record({
      streamId: ADMIN_STREAM,
      type: 'UserUpdated',
      data,
      actor,
      apply: async (tx) => {
        await tx.query(`UPDATE users SET password_hash = $2, must_change_password = true, password_changed_at = now() WHERE user_id = $1`, [userId, hash]);
        await this.refreshTokens.revokeAllOf(userId, tx);
      },
    });
    this.users.forget(userId);
    return { userId, mustChangePassword: true };
  }

  private async regionsOf(regionIds: string[], schoolIds: string[]): Promise<string[]> {
    if (schoolIds.length === 0) return regionIds;
    const rows: { region_id: string }[] = await this.ds.query('SELECT DISTINCT region_id FROM schools WHERE school_id = ANY($1::text[])', [schoolIds]);
    return [...regionIds, ...rows.map((r) => r.region_id)];
  }
}
