import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { buildOpenApiDocument } from '../docs/openapi.document';
import { methodNotAllowed } from './method-not-allowed.middleware';
import { ROUTE_SPEC } from './path-params.guard';
import { ROUTES, type RouteSpec } from './route-table';

const SRC = join(__dirname, '..');

function controllerFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? controllerFiles(join(dir, e.name)) : e.name.endsWith('.controller.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every handler Nest would route, with the route-table row it is bound to (if any). */
function handlers() {
  const out: { where: string; method: string; path: string; spec?: RouteSpec }[] = [];
  for (const file of controllerFiles()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- every controller file, found at run time
    for (const exported of Object.values(require(file) as Record<string, unknown>)) {
      if (typeof exported !== 'function' || !Reflect.hasMetadata(PATH_METADATA, exported)) continue;
      const proto = (exported as { prototype: Record<string, unknown> }).prototype;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const fn = proto[name];
        if (name === 'constructor' || typeof fn !== 'function' || !Reflect.hasMetadata(PATH_METADATA, fn)) continue;
        out.push({
          where: `${(exported as { name: string }).name}.${name}`,
          method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as number],
          path: `/${[Reflect.getMetadata(PATH_METADATA, exported), Reflect.getMetadata(PATH_METADATA, fn)].join('/')}`.replace(/\/+/g, '/').replace(/\/$/, ''),
          spec: Reflect.getMetadata(ROUTE_SPEC, fn) as RouteSpec | undefined,
        });
      }
    }
  }
  return out;
}

describe('one route table for every route', () => {
  const all = handlers();

  it('binds every controller handler to a row of the table, at the same method and path', () => {
    expect(all.length).toBeGreaterThanOrEqual(Object.keys(ROUTES).length);
    for (const h of all) {
      expect({ where: h.where, bound: Boolean(h.spec) }).toEqual({ where: h.where, bound: true });
      expect({ where: h.where, route: `${h.method} ${h.path}` }).toEqual({ where: h.where, route: `${h.spec!.method} ${h.spec!.path}` });
    }
  });

  it('has a handler for every row of the table', () => {
    const bound = new Set(all.map((h) => h.spec));
    const unbound = Object.entries(ROUTES).filter(([, spec]) => !bound.has(spec)).map(([id]) => id);
    expect(unbound).toEqual([]);
  });

  it('documents a pattern for every path parameter (ids, sha256 hex, numbers)', () => {
    const doc = buildOpenApiDocument();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const op of Object.values(ops) as { operationId: string; parameters: { in: string; name: string; schema: Record<string, unknown> }[] }[]) {
        for (const p of op.parameters.filter((x) => x.in === 'path')) {
          const constrained = p.schema.pattern !== undefined || p.schema.enum !== undefined || p.schema.type === 'integer' || p.schema.type === 'number';
          expect({ path, param: p.name, constrained }).toEqual({ path, param: p.name, constrained: true });
        }
      }
    }
    expect(doc.paths['/evidence/{sha256}'].get).toMatchObject({ parameters: [{ name: 'sha256', schema: { pattern: '^[0-9a-f]{64}$' } }] });
  });

  it('documents no free-text string that may hold a NUL', () => {
    const strings: Record<string, unknown>[] = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (!n || typeof n !== 'object') return;
      const o = n as Record<string, unknown>;
      if (o.type === 'string' && !o.format && !o.enum && o.const === undefined && !o.contentMediaType) strings.push(o);
      Object.values(o).forEach(walk);
    };
    const doc = buildOpenApiDocument();
    for (const ops of Object.values(doc.paths)) for (const op of Object.values(ops) as { parameters: unknown; requestBody?: unknown }[]) walk([op.parameters, op.requestBody]);
    expect(strings.length).toBeGreaterThan(20);
    expect(strings.filter((s) => typeof s.pattern !== 'string')).toEqual([]);
  });

  it('answers 405 with Allow for a method the table does not declare on a known path', () => {
    const mw = methodNotAllowed();
    const run = (method: string, path: string) => {
      const res = { code: 0, headers: {} as Record<string, string>, body: undefined as unknown };
      const reply = {
        status: (c: number) => ((res.code = c), reply),
        setHeader: (k: string, v: string) => ((res.headers[k] = v), reply),
        json: (b: unknown) => ((res.body = b), reply),
      };
      let passed = false;
      mw({ method, path } as never, reply as never, () => (passed = true));
      return { passed, ...res };
    };
    expect(run('TRACE', '/programs/p-1')).toMatchObject({ passed: false, code: 405, headers: { allow: 'GET, HEAD' } });
    expect(run('PUT', '/evidence/abc')).toMatchObject({ passed: false, code: 405 });
    expect(run('GET', '/programs/p-1').passed).toBe(true);
    expect(run('HEAD', '/health').passed).toBe(true);
    expect(run('OPTIONS', '/programs').passed).toBe(true);
    expect(run('TRACE', '/no/such/path').passed).toBe(true);
  });
});
