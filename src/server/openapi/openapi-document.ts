import { ERROR_CODES, ERROR_TABLE } from '../errors/error-table.js';
import type { CatalogueEntry } from './route-catalogue.js';

type JsonSchema = Record<string, unknown>;

export interface OpenApiInfo {
  title: string;
  version: string;
}

/**
 * Builds the OpenAPI 3.1 document from the routes as registered: fastify's route schemas are JSON
 * Schema already, which OpenAPI 3.1 takes as is. One operation per (method, path).
 */
export function buildOpenApiDocument(entries: readonly CatalogueEntry[], info: OpenApiInfo): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const entry of [...entries].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method))) {
    const path = entry.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    (paths[path] ??= {})[entry.method.toLowerCase()] = operation(entry);
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

function operation(entry: CatalogueEntry): JsonSchema {
  const s = entry.schema;
  const op: JsonSchema = {
    operationId: operationId(entry),
    summary: s.summary ?? `${entry.method} ${entry.url}`,
    'x-permission': entry.permission,
  };
  if (s.description) op.description = s.description;
  if (s.tags) op.tags = s.tags;
  if (entry.permission !== 'public') op.security = [{ bearer: [] }];
  const parameters = [
    ...parametersFrom(s.params as JsonSchema | undefined, 'path'),
    ...parametersFrom(s.querystring as JsonSchema | undefined, 'query'),
  ];
  if (parameters.length > 0) op.parameters = parameters;
  const body = requestBody(s.body as JsonSchema | undefined, s.consumes);
  if (body) op.requestBody = body;
  op.responses = responses(entry);
  return op;
}

function operationId(entry: CatalogueEntry): string {
  const words = entry.url
    .split('/')
    .filter((w) => w && w !== 'api')
    .map((w) => (w.startsWith(':') ? `by-${w.slice(1)}` : w));
  return [entry.method.toLowerCase(), ...words].join('-').replace(/[^A-Za-z0-9-]/g, '-');
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

function requestBody(schema: JsonSchema | undefined, consumes: string[] | undefined): JsonSchema | undefined {
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

function responses(entry: CatalogueEntry): JsonSchema {
  const out: JsonSchema = {};
  const declared = (entry.schema.response ?? {}) as Record<string, JsonSchema>;
  for (const [status, schema] of Object.entries(declared)) {
    out[status] = { description: schema.description ?? 'Success', content: { 'application/json': { schema } } };
  }
  if (entry.schema.produces) {
    const content: Record<string, unknown> = {};
    for (const type of entry.schema.produces) content[type] = { schema: { type: 'string' } };
    out['200'] = { description: 'The document, with Content-Disposition: attachment', content };
  }
  if (Object.keys(out).length === 0) out['200'] = { description: 'Success' };
  out.default = {
    description: `An error: ${ERROR_CODES.map((c) => `${c} (${ERROR_TABLE[c].status})`).join(', ')}`,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return out;
}
