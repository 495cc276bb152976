/**
 * The OpenAPI 3.1 document of the API, built from the contract's declarations alone (issue 8 item
 * 13, ADR 0033): the server serves this document, and registers its routes from the same
 * declarations, so what is documented is what is served. The schemas are JSON Schema, which
 * OpenAPI 3.1 takes as they are.
 */
import { ERROR_CODES, ERROR_TABLE } from './errors.js';
import type { RouteContract } from './route.js';

type JsonSchema = Record<string, unknown>;

export interface OpenApiInfo {
  title: string;
  version: string;
}

/** The document of the declared routes: one operation per (method, path), paths in order. */
export function buildOpenApiDocument(routes: readonly RouteContract[], info: OpenApiInfo): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of [...routes].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'Vigie REST API. Every error body is { error: { code, message, details? } }.' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token (vigie token create)' } },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths,
  };
}

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: ERROR_CODES },
        message: { type: 'string' },
        details: {},
      },
    },
  },
};

function operation(route: RouteContract): JsonSchema {
  const op: JsonSchema = {
    operationId: operationId(route),
    summary: route.summary,
    'x-permission': route.permission,
  };
  if (route.description) op.description = route.description;
  op.tags = [...route.tags];
  if (route.permission !== 'public') op.security = [{ bearer: [] }];
  const parameters = [
    ...parametersFrom(route.params as JsonSchema | undefined, 'path'),
    ...parametersFrom(route.querystring as JsonSchema | undefined, 'query'),
  ];
  if (parameters.length > 0) op.parameters = parameters;
  const body = requestBody(route.body as JsonSchema | undefined, route.consumes);
  if (body) op.requestBody = body;
  op.responses = responses(route);
  return op;
}

function operationId(route: RouteContract): string {
  const words = route.path
    .split('/')
    .filter((w) => w && w !== 'api')
    .map((w) => (w.startsWith(':') ? `by-${w.slice(1)}` : w));
  return [route.method.toLowerCase(), ...words].join('-').replace(/[^A-Za-z0-9-]/g, '-');
}

function parametersFrom(schema: JsonSchema | undefined, where: 'path' | 'query'): JsonSchema[] {
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema?.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, prop]) => {
    const { description, ...propSchema } = prop;
    const p: JsonSchema = { name, in: where, required: where === 'path' || required.has(name), schema: propSchema };
    if (description) p.description = description;
    return p;
  });
}

function requestBody(schema: JsonSchema | undefined, consumes: readonly string[] | undefined): JsonSchema | undefined {
  if (!schema && !consumes) return undefined;
  const content: Record<string, unknown> = {};
  for (const type of consumes ?? ['application/json']) {
    content[type] = { schema: type === 'application/json' ? (schema ?? {}) : uploadSchema(type) };
  }
  return { required: true, content };
}

function uploadSchema(type: string): JsonSchema {
  if (type === 'multipart/form-data') {
    return { type: 'object', properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } } };
  }
  return { type: 'string', contentMediaType: type };
}

function responses(route: RouteContract): JsonSchema {
  const out: JsonSchema = {};
  const declared = (route.response ?? {}) as Record<string, JsonSchema>;
  for (const [status, schema] of Object.entries(declared)) {
    out[status] = { description: schema.description ?? 'Success', content: { 'application/json': { schema } } };
  }
  if (route.produces) {
    const content: Record<string, unknown> = {};
    for (const type of route.produces) content[type] = { schema: { type: 'string' } };
    out['200'] = { description: 'The document, with Content-Disposition: attachment', content };
  }
  if (Object.keys(out).length === 0) out['200'] = { description: 'Success' };
  out.default = {
    description: `An error: ${ERROR_CODES.map((c) => `${c} (${ERROR_TABLE[c].status})`).join(', ')}`,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return out;
}
