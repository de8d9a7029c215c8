import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@mutu/config';
import type { Actor } from '@mutu/domain';
import { errors, jwtVerify, SignJWT } from 'jose';
import { ApiError } from '../common/api-error';

const ISSUER = 'mutu';
const AUDIENCE = 'mutu-api';
const MAX_VERIFIED_TOKENS = 10_000;

/** Verifies bearer tokens; pluggable so an OIDC verifier can take the local one's place. */
export abstract class TokenVerifier {
  abstract verify(token: string): Promise<{ userId: string }>;
}

/** Local HS256 access tokens. Only HS256 is accepted: `alg: none` and key confusion fail. */
@Injectable()
export class TokenService extends TokenVerifier {
  private readonly key: Uint8Array;
  /** Tokens whose signature and claims were checked, with their subject and expiry (s). A client
   * sends the same token with every request until it expires: its signature is checked once. */
  private readonly verified = new Map<string, { userId: string; exp: number }>();

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
    const known = this.verified.get(token);
    if (known) {
      if (Math.floor(Date.now() / 1000) < known.exp) return { userId: known.userId };
      this.verified.delete(token);
      throw new ApiError(401, 'TOKEN_EXPIRED', 'The access token has expired; sign in again.');
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      if (!payload.sub) throw new ApiError(401, 'INVALID_TOKEN', 'The access token has no subject.');
      if (payload.exp !== undefined) {
        if (this.verified.size >= MAX_VERIFIED_TOKENS) this.verified.clear();
        this.verified.set(token, { userId: payload.sub, exp: payload.exp });
      }
      return { userId: payload.sub };
    } catch (e) {
      if (e instanceof ApiError) throw e;
      if (e instanceof errors.JWTExpired) throw new ApiError(401, 'TOKEN_EXPIRED', 'The access token has expired; sign in again.');
      throw new ApiError(401, 'INVALID_TOKEN', 'The access token is not valid.');
    }
  }
}
