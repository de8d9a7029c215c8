import { applyDecorators, HttpCode, RequestMapping, RequestMethod, SetMetadata, UseGuards } from '@nestjs/common';
import { Public } from '../auth/auth.guard';
import { PathParamsGuard, ROUTE_SPEC } from './path-params.guard';
import { RolesGuard, ROUTE_ROLES } from './roles.guard';
import type { RouteSpec } from './route-table';

/**
 * Binds a controller method to its row of the route table: path, method, status, roles and the
 * patterns of its path parameters.
 */
export function Route(spec: RouteSpec) {
  const decorators = [RequestMapping({ path: spec.path, method: RequestMethod[spec.method] }), SetMetadata(ROUTE_SPEC, spec)];
  if (spec.status) decorators.push(HttpCode(spec.status));
  if (spec.roles === 'public') decorators.push(Public(), UseGuards(PathParamsGuard));
  else decorators.push(SetMetadata(ROUTE_ROLES, spec.roles), UseGuards(RolesGuard, PathParamsGuard));
  return applyDecorators(...decorators);
}
