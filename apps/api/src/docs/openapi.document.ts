import { z } from 'zod';
import { ROUTES, type RouteSpec } from '../routes/route-table';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;

const ERROR = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string' },
    message: { type: 'string' },
    issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
    requestId: { type: 'string' },
  },
};

function operation(id: string, spec: RouteSpec) {
  const params = [...spec.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  if (spec.query) {
    const q = jsonSchema(spec.query) as { properties?: Record<string, unknown> };
    for (const [name, schema] of Object.entries(q.properties ?? {})) params.push({ name, in: 'query', required: false, schema: schema as never });
  }
  if (spec.mutation) params.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } });
  const op: Record<string, unknown> = {
    operationId: id,
    summary: spec.summary,
    'x-roles': spec.roles,
    security: spec.roles === 'public' ? [] : [{ bearer: [] }],
    parameters: params,
    responses: {
      [String(spec.status ?? 200)]: { description: 'OK', content: contentOf(spec) },
      400: { description: 'Invalid input, with field paths', content: { 'application/json': { schema: ERROR } } },
      ...(spec.roles === 'public' ? {} : { 401: { description: 'Not signed in' }, 403: { description: 'Role not allowed' } }),
      ...(spec.programScoped ? { 404: { description: 'Not found or outside your scope' } } : {}),
      ...(spec.command ? { 409: { description: 'Conflict (stage, already decided...)' }, 422: { description: 'Business rule refused' } } : {}),
    },
  };
  if (spec.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } };
  if (spec.form) {
    const form = jsonSchema(spec.form) as { properties: Record<string, unknown>; required?: string[] };
    op.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: { ...form, properties: { ...form.properties, file: { type: 'string', contentMediaType: 'application/octet-stream' } }, required: [...(form.required ?? []), 'file'] },
        },
      },
    };
  }
  return op;
}

function contentOf(spec: RouteSpec) {
  switch (spec.produces) {
    case 'html':
      return { 'text/html': { schema: { type: 'string' } } };
    case 'pdf':
      return { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } };
    case 'binary':
      return { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } };
    default:
      return { 'application/json': { schema: { type: 'object' } } };
  }
}

/** OpenAPI 3.1 of every route in the route table, request schemas generated from the zod schemas. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, spec] of Object.entries(ROUTES) as [string, RouteSpec][]) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[spec.method.toLowerCase()] = operation(id, spec);
  }
  paths['/health'] = { get: { operationId: 'health', summary: 'Readiness: PostgreSQL and Temporal; how program lists are served (programListCache: listening, not listening, off)', security: [], responses: { 200: { description: 'ready' }, 503: { description: 'degraded: PostgreSQL or Temporal does not answer' } } } };
  paths['/docs'] = { get: { operationId: 'docs', summary: 'This document', security: [], responses: { 200: { description: 'OpenAPI 3.1' } } } };
  return {
    openapi: '3.1.0',
    info: { title: 'Mutu API', version: '0.1.0', description: 'Quality-improvement programs: plans, approvals, execution, evidence, reports.' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }, schemas: { Error: ERROR } },
    paths,
  };
}
