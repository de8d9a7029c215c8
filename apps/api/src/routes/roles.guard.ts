import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@mutu/domain';
import type { AuthedRequest } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';

export const ROUTE_ROLES = Symbol('mutu:route-roles');

/**
 * Route-level role check, after authentication and before the body is parsed or the program
 * loaded: a role that may never call a route learns nothing else. The decider re-checks.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const allowed = this.reflector.get<readonly Role[] | undefined>(ROUTE_ROLES, context.getHandler());
    if (!allowed) return true;
    const actor = context.switchToHttp().getRequest<AuthedRequest>().actor;
    if (!actor) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in first.');
    if (!actor.roles.some((r) => allowed.includes(r))) {
      throw new ApiError(403, 'ROLE_NOT_ALLOWED', `This action needs one of the roles: ${allowed.join(', ')}.`, {
        details: { allowed: [...allowed] },
      });
    }
    return true;
  }
}
