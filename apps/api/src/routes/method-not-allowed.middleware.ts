import type { NextFunction, Request, Response } from 'express';
import type { ErrorBody } from '../common/api-error';
import { ROUTES, type RouteSpec } from './route-table';

interface PathMethods {
  pattern: RegExp;
  methods: Set<string>;
}

/** One entry per path of the route table: its regular expression and the methods it declares. */
export function pathMethods(routes: readonly RouteSpec[] = Object.values(ROUTES)): PathMethods[] {
  const byPath = new Map<string, Set<string>>();
  for (const spec of routes) {
    const methods = byPath.get(spec.path) ?? new Set<string>();
    methods.add(spec.method);
    if (spec.method === 'GET') methods.add('HEAD');
    byPath.set(spec.path, methods);
  }
  return [...byPath].map(([path, methods]) => {
    const source = path.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
    return { pattern: new RegExp(`^${source}/?$`), methods };
  });
}

/**
 * A method the route table does not declare for a path it knows answers 405 with `Allow`, rather
 * than the 404 of an unknown path. OPTIONS passes on (CORS preflight); unknown paths pass on.
 */
export function methodNotAllowed(routes?: readonly RouteSpec[]) {
  const table = pathMethods(routes);
  return (req: Request & { id?: string }, res: Response, next: NextFunction) => {
    if (req.method === 'OPTIONS') return next();
    const matches = table.filter((p) => p.pattern.test(req.path));
    if (matches.length === 0 || matches.some((p) => p.methods.has(req.method))) return next();
    const allow = [...new Set(matches.flatMap((p) => [...p.methods]))].sort();
    const body: ErrorBody = {
      statusCode: 405,
      code: 'METHOD_NOT_ALLOWED',
      message: `${req.method} is not allowed here; allowed: ${allow.join(', ')}.`,
      requestId: req.id,
    };
    res.status(405).setHeader('allow', allow.join(', ')).json(body);
  };
}
