import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { z } from 'zod';
import type { FieldIssue } from '../common/api-error';
import { nulIssues } from '../common/text';
import { validationFailed } from '../common/zod.pipe';
import { PATH_PARAMS } from './route-schemas';
import type { RouteSpec } from './route-table';

export const ROUTE_SPEC = Symbol('mutu:route-spec');

/** The schema of each path parameter of a route: its own, else the shared one of that name. */
export function pathParamSchemas(spec: Pick<RouteSpec, 'path' | 'params'>): Record<string, z.ZodType> {
  const out: Record<string, z.ZodType> = {};
  for (const [, name] of spec.path.matchAll(/:(\w+)/g)) {
    const schema = spec.params?.[name] ?? PATH_PARAMS[name];
    if (!schema) throw new Error(`route ${spec.path}: no pattern for path parameter :${name} (add it to PATH_PARAMS or the route's params)`);
    out[name] = schema;
  }
  return out;
}

/**
 * Holds every path parameter to the pattern the OpenAPI document publishes, after authentication
 * and the role check: 400 at the parameter's name, before any lookup.
 */
@Injectable()
export class PathParamsGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const spec = this.reflector.get<RouteSpec | undefined>(ROUTE_SPEC, context.getHandler());
    if (!spec) return true;
    const params = context.switchToHttp().getRequest<Request>().params ?? {};
    const issues: FieldIssue[] = [];
    for (const [name, schema] of Object.entries(pathParamSchemas(spec))) {
      const nul = nulIssues(params[name], [name]);
      if (nul.length > 0) {
        issues.push(...nul);
        continue;
      }
      const parsed = schema.safeParse(params[name]);
      if (!parsed.success) issues.push(...parsed.error.issues.map((i) => ({ path: name, message: i.message })));
    }
    if (issues.length > 0) throw validationFailed(issues);
    return true;
  }
}
