import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@mutu/config';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Opaque refresh tokens, rotated on every use. A token belongs to a family (one sign-in); using
 * an already-used token means it was stolen or replayed, so the whole family is revoked.
 */
@Injectable()
export class RefreshTokensRepository {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async issue(userId: string, familyId: string = randomUUID()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.ds.query(
      `INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [hashOf(token), familyId, userId, this.config.JWT_REFRESH_TTL_SECONDS],
    );
    return token;
  }

  /** Marks the token used and returns its owner and family; refuses unknown, expired, reused tokens. */
  async consume(token: string): Promise<{ userId: string; familyId: string }> {
    // Decide inside the transaction, throw after it: the family revocation must commit.
    const outcome = await this.ds.transaction(async (tx) => {
      const rows: { family_id: string; user_id: string; used_at: Date | null; revoked_at: Date | null; expired: boolean }[] = await tx.query(
        `SELECT family_id, user_id, used_at, revoked_at, expires_at <= now() AS expired FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
        [hashOf(token)],
      );
      const row = rows[0];
      if (!row) return { error: new ApiError(401, 'INVALID_REFRESH_TOKEN', 'The refresh token is not valid; sign in again.') };
      if (row.used_at || row.revoked_at) {
        await tx.query('UPDATE refresh_tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE family_id = $1', [row.family_id]);
        return { error: new ApiError(401, 'REFRESH_TOKEN_REUSED', 'This refresh token was already used; every session of this sign-in is revoked.') };
      }
      if (row.expired) return { error: new ApiError(401, 'REFRESH_TOKEN_EXPIRED', 'The refresh token has expired; sign in again.') };
      await tx.query('UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1', [hashOf(token)]);
      return { userId: row.user_id, familyId: row.family_id };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome;
  }

  /** Ends every session of the user (sign out everywhere, password change); returns how many were open. */
  async revokeAllOf(userId: string, tx: { query: DataSource['query'] } = this.ds): Promise<number> {
    const rows: { family_id: string }[] = await tx.query(
      `SELECT DISTINCT family_id FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL AND used_at IS NULL AND expires_at > now()`,
      [userId],
    );
    await tx.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
    return rows.length;
  }

  async revokeFamilyOf(token: string): Promise<void> {
    await this.ds.query(
      `UPDATE refresh_tokens SET revoked_at = COALESCE(revoked_at, now())
        WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
      [hashOf(token)],
    );
  }
}
