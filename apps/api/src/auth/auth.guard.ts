import { Inject, Injectable, SetMetadata, createParamDecorator, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '@mutu/domain';
import type { Request } from 'express';
import { ApiError } from '../common/api-error';
import { ROUTE_SPEC } from '../routes/path-params.guard';
import { ROUTES, type RouteSpec } from '../routes/route-table';
import { TokenVerifier } from './token.service';
import { actorOf, UsersRepository } from './users.repository';

export const IS_PUBLIC = Symbol('mutu:public');
/** Marks a route that needs no token (login, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export type AuthedRequest = Request & { actor?: Actor; id?: string };

/**
 * Every route needs a valid bearer token unless marked @Public(). An account whose password an
 * admin reset reaches only the change-password route until it is changed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]*\.[A-Za-z0-9\-_=]*)$/.exec(header) : null;
    if (!match) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in first: send "Authorization: Bearer <token>".');
    const { userId } = await this.verifier.verify(match[1]);
    const user = await this.users.forToken(userId);
    if (!user || user.disabled) throw new ApiError(401, 'INVALID_TOKEN', 'The account behind this token is not active.');
    if (user.mustChangePassword && this.reflector.get<RouteSpec | undefined>(ROUTE_SPEC, context.getHandler()) !== ROUTES.changePassword) {
      throw new ApiError(403, 'PASSWORD_CHANGE_REQUIRED', 'An admin reset this password: change it (POST /me/password) before anything else.');
    }
    req.actor = actorOf(user);
    return true;
  }
}

/** The authenticated actor of the request. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthedRequest>().actor;
  if (!actor) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in first.');
  return actor;
});
