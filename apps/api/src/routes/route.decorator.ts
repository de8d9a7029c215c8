import { applyDecorators, HttpCode, RequestMapping, RequestMethod, SetMetadata, UseGuards } from '@nestjs/common';
import { Public } from '../auth/auth.guard';
import { RolesGuard, ROUTE_ROLES } from './roles.guard';
import type { RouteSpec } from './route-table';

/** Binds a controller method to its row of the route table: path, method, status and roles. */
export function Route(spec: RouteSpec) {
  const decorators = [RequestMapping({ path: spec.path, method: RequestMethod[spec.method] })];
  if (spec.status) decorators.push(HttpCode(spec.status));
  if (spec.roles === 'public') decorators.push(Public());
  else decorators.push(SetMetadata(ROUTE_ROLES, spec.roles), UseGuards(RolesGuard));
  return applyDecorators(...decorators);
}
