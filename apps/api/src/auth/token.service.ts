import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@mutu/config';
import type { Actor } from '@mutu/domain';
import { errors, jwtVerify, SignJWT } from 'jose';
import { ApiError } from '../common/api-error';

const ISSUER = 'mutu';
const AUDIENCE = 'mutu-api';

/** Verifies bearer tokens; pluggable so an OIDC verifier can take the local one's place. */
export abstract class TokenVerifier {
  abstract verify(token: string): Promise<{ userId: string }>;
}

/** Local HS256 access tokens. Only HS256 is accepted: `alg: none` and key confusion fail. */
@Injectable()
export class TokenService extends TokenVerifier {
  private readonly key: Uint8Array;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    super();
    // Without a configured secret (local development) tokens live as long as the process.
    this.key = new TextEncoder().encode(config.JWT_SECRET ?? randomBytes(32).toString('hex'));
  }

  async issueAccessToken(actor: Actor): Promise<{ token: string; expiresIn: number }> {
    const expiresIn = this.config.JWT_ACCESS_TTL_SECONDS;
    const token = await new SignJWT({ roles: actor.roles })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(actor.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${expiresIn}s`)
      .sign(this.key);
    return { token, expiresIn };
  }

  async verify(token: string): Promise<{ userId: string }> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      if (!payload.sub) throw new ApiError(401, 'INVALID_TOKEN', 'The access token has no subject.');
      return { userId: payload.sub };
    } catch (e) {
      if (e instanceof ApiError) throw e;
      if (e instanceof errors.JWTExpired) throw new ApiError(401, 'TOKEN_EXPIRED', 'The access token has expired; sign in again.');
      throw new ApiError(401, 'INVALID_TOKEN', 'The access token is not valid.');
    }
  }
}
