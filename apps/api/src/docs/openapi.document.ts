import { z } from 'zod';
import { NO_NUL_PATTERN } from '../common/text';
import { IDEMPOTENCY_KEY_PATTERN } from '../programs/command-id';
import { pathParamSchemas } from '../routes/path-params.guard';
import { ROUTES, type RouteSpec } from '../routes/route-table';
import { linksOf } from './openapi.links';

type Json = Record<string, unknown>;

/**
 * JSON Schema of a zod schema. Every free-text string also says it holds no NUL character: the
 * edge pipe refuses NUL in every string (PostgreSQL cannot store it), whatever the schema.
 */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Json {
  return withoutNul(z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json);
}

function withoutNul(node: unknown): Json {
  if (Array.isArray(node)) return node.map(withoutNul) as unknown as Json;
  if (!node || typeof node !== 'object') return node as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'const' || k === 'enum' || k === 'default' || k === 'examples' ? v : withoutNul(v);
  const free = out.type === 'string' && out.pattern === undefined && out.format === undefined && out.enum === undefined && out.const === undefined;
  if (free) out.pattern = NO_NUL_PATTERN;
  // Member names are text too, where an object takes members it does not name.
  if (out.type === 'object' && out.additionalProperties !== false && out.propertyNames === undefined) out.propertyNames = { pattern: NO_NUL_PATTERN };
  return out;
}

const ERROR = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string' },
    message: { type: 'string' },
    issues: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } } },
    details: {},
    requestId: { type: 'string' },
  },
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input, with field paths (VALIDATION_FAILED, MALFORMED_JSON, ...)',
  401: 'Not signed in, or the token is invalid or expired',
  403: 'Role not allowed (ROLE_NOT_ALLOWED)',
  404: 'Not found, or outside your scope',
  409: 'Conflict with the current state (stage, already decided, version, idempotency key reused)',
  413: 'Request body or file too large (PAYLOAD_TOO_LARGE)',
  415: 'Unsupported media type or encoding',
  422: 'Business rule refused, with a stable code',
  429: 'Too many attempts; retry later (RATE_LIMITED)',
  503: 'A dependency (PostgreSQL, Temporal, a worker) does not answer; retry later',
};

/** Every status a route can answer, derived from what the route does. */
export function statusesOf(spec: RouteSpec): number[] {
  const statuses = new Set<number>([spec.status ?? 200, 400]);
  if (spec.roles !== 'public') [401, 403].forEach((s) => statuses.add(s));
  const hasParams = spec.path.includes(':');
  // A mutation may name what does not exist in its body too (a school, a region, a person), and a
  // query may filter by it.
  if (hasParams || spec.programScoped || spec.campaignScoped || spec.schoolScoped || spec.mutation || spec.query) statuses.add(404);
  const command = Boolean(spec.command) || (spec.mutation && spec.campaignScoped);
  if (command || spec.mutation) [409, 422].forEach((s) => statuses.add(s));
  if (command) statuses.add(503);
  // A program's commands queue in the API; one that waited out the accept deadline is 429 PROGRAM_BUSY.
  if (spec.command) statuses.add(429);
  if (spec.body || spec.form || spec.mutation) [413, 415].forEach((s) => statuses.add(s));
  // Sign-in routes refuse wrong credentials or refresh tokens (401) and throttle attempts (429).
  if (spec.path.startsWith('/auth/')) [401, 429].forEach((s) => statuses.add(s));
  for (const s of spec.also ?? []) statuses.add(s);
  return [...statuses].sort((a, b) => a - b);
}

function contentOf(spec: RouteSpec): Json | undefined {
  if ((spec.status ?? 200) === 204) return undefined;
  switch (spec.produces) {
    case 'html':
      return { 'text/html': { schema: { type: 'string' } } };
    case 'pdf':
      return { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } };
    case 'binary':
      return { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } };
    case 'csv':
      return { 'text/csv': { schema: { type: 'string' } } };
    case 'xlsx': {
      const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return { [xlsx]: { schema: { type: 'string', contentMediaType: xlsx } } };
    }
    case 'gzip':
      return { 'application/gzip': { schema: { type: 'string', contentMediaType: 'application/gzip' } } };
    case 'asset':
      return {
        'text/css': { schema: { type: 'string' } },
        'application/javascript': { schema: { type: 'string' } },
        'image/png': { schema: { type: 'string', contentMediaType: 'image/png' } },
      };
    case 'openapi':
      return { 'application/json': { schema: { type: 'object', required: ['openapi', 'paths'] } }, 'text/html': { schema: { type: 'string' } } };
    default:
      return { 'application/json': { schema: spec.returns === 'array' ? { type: 'array', items: { type: 'object' } } : { type: 'object' } } };
  }
}

function parametersOf(spec: RouteSpec): Json[] {
  const params: Json[] = Object.entries(pathParamSchemas(spec)).map(([name, schema]) => ({ name, in: 'path', required: true, schema: jsonSchema(schema) }));
  if (spec.query) {
    const q = jsonSchema(spec.query) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      params.push({ name, in: 'query', required: (q.required ?? []).includes(name) && schema.default === undefined, schema });
    }
  }
  if (spec.mutation) params.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source } });
  return params;
}

function requestBodyOf(spec: RouteSpec): Json | undefined {
  if (spec.body) return { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } };
  if (!spec.form) return undefined;
  const form = jsonSchema(spec.form) as { properties: Json; required?: string[] };
  return {
    required: true,
    content: {
      'multipart/form-data': {
        schema: { ...form, properties: { ...form.properties, file: { type: 'string', contentMediaType: 'application/octet-stream', minLength: 1 } }, required: [...(form.required ?? []), 'file'] },
      },
    },
  };
}

function operation(id: string, spec: RouteSpec): Json {
  const responses: Json = {};
  for (const status of statusesOf(spec)) {
    if (status === (spec.status ?? 200)) {
      const content = contentOf(spec);
      const links = linksOf(id);
      responses[String(status)] = { description: 'OK', ...(content ? { content } : {}), ...(links ? { links } : {}) };
    } else if (status === 503 && spec.path === '/health') {
      responses['503'] = { description: 'degraded: PostgreSQL or Temporal does not answer', content: { 'application/json': { schema: { type: 'object' } } } };
    } else {
      responses[String(status)] = { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
  }
  const op: Json = {
    operationId: id,
    summary: spec.summary,
    'x-roles': spec.roles,
    security: spec.roles === 'public' ? [] : [{ bearer: [] }],
    parameters: parametersOf(spec),
    responses,
  };
  const body = requestBodyOf(spec);
  if (body) op.requestBody = body;
  return op;
}

/**
 * OpenAPI 3.1 of every route in the route table, request schemas generated from the zod schemas
 * (JSON Schema 2020-12, OpenAPI 3.1's default dialect, which is why the document names none).
 */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, spec] of Object.entries(ROUTES) as [string, RouteSpec][]) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[spec.method.toLowerCase()] = operation(id, spec);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Mutu API', version: '0.1.0', description: 'Quality-improvement programs: plans, approvals, execution, evidence, reports.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }, schemas: { Error: ERROR } },
    paths,
  };
}
