import { buildOpenApiDocument } from '../docs/openapi.document';
import { ROUTES, type RouteSpec } from './route-table';

const entries = Object.entries(ROUTES) as [string, RouteSpec][];

describe('route table', () => {
  it('has one row per method and path', () => {
    const keys = entries.map(([, s]) => `${s.method} ${s.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses unknown fields on every JSON body', () => {
    for (const [id, spec] of entries) {
      if (!spec.body) continue;
      const parsed = spec.body.safeParse({ __unknown__: 1 });
      expect({ id, ok: parsed.success }).toEqual({ id, ok: false });
      const issues = parsed.success ? [] : parsed.error.issues;
      expect({ id, unknownReported: issues.some((i) => i.code === 'unrecognized_keys') }).toEqual({ id, unknownReported: true });
    }
  });

  it('never lets auditors mutate, nor district officers touch a program', () => {
    for (const [id, spec] of entries) {
      if (!spec.mutation || spec.roles === 'public') continue;
      expect({ id, roles: spec.roles.filter((r) => r === 'auditor') }).toEqual({ id, roles: [] });
      // Education offices organise mentoring campaigns, own the approval policies of their region,
      // start program templates at its schools and assign the schools' supervisors; they never
      // act on a program itself (its principal edits the plan a template started).
      const officeRoute =
        spec.path.startsWith('/campaigns') || spec.path.startsWith('/policies') || spec.path === '/program-templates' || spec.path === '/schools/:schoolId/supervisors';
      if (!officeRoute) expect({ id, roles: spec.roles.filter((r) => r === 'district_officer') }).toEqual({ id, roles: [] });
    }
  });

  it('generates an OpenAPI 3.1 operation for every route', () => {
    const doc = buildOpenApiDocument();
    expect(doc.openapi).toBe('3.1.0');
    for (const [id, spec] of entries) {
      const op = doc.paths[spec.path.replace(/:(\w+)/g, '{$1}')]?.[spec.method.toLowerCase()] as { operationId?: string } | undefined;
      expect({ id, operationId: op?.operationId }).toEqual({ id, operationId: id });
    }
  });
});
