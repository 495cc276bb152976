/** Downloads of a release, each with Content-Disposition: attachment. */
import { NOTICE_FORMATS, OBLIGATIONS_FORMATS, RELEASE_EXPORT_FORMATS } from '../reports/output-formats.js';
import { ID_PARAMS } from './json-schema.js';
import { route } from './route.js';

const formatQuery = <const V extends readonly string[], const D extends V[number]>(values: V, fallback: D) =>
  ({
    type: 'object',
    properties: { format: { type: 'string', enum: values, default: fallback } },
    additionalProperties: false,
  }) as const;

const tags = ['outputs'] as const;

export const OUTPUT_ROUTES = {
  notice: route({
    method: 'GET',
    path: '/api/releases/:id/notice',
    permission: 'read',
    tags,
    summary: 'NOTICE / attribution file',
    params: ID_PARAMS,
    querystring: formatQuery(NOTICE_FORMATS, 'text'),
    produces: ['text/plain', 'text/markdown', 'text/html', 'application/json'],
  }),
  bomCsv: route({
    method: 'GET',
    path: '/api/releases/:id/bom.csv',
    permission: 'read',
    tags,
    summary: 'The release BOM as CSV',
    params: ID_PARAMS,
    produces: ['text/csv'],
  }),
  obligations: route({
    method: 'GET',
    path: '/api/releases/:id/obligations/document',
    permission: 'read',
    tags,
    summary: 'Obligations as a JSON or Markdown document',
    params: ID_PARAMS,
    querystring: formatQuery(OBLIGATIONS_FORMATS, 'md'),
    produces: ['application/json', 'text/markdown'],
  }),
  junit: route({
    method: 'GET',
    path: '/api/releases/:id/junit',
    permission: 'read',
    tags,
    summary: 'JUnit verdict, one test case per validation step',
    params: ID_PARAMS,
    produces: ['application/xml'],
  }),
  sarif: route({
    method: 'GET',
    path: '/api/releases/:id/sarif',
    permission: 'read',
    tags,
    summary: 'SARIF 2.1.0 for code-scanning UIs',
    params: ID_PARAMS,
    produces: ['application/sarif+json'],
  }),
  export: route({
    method: 'GET',
    path: '/api/releases/:id/export',
    permission: 'read',
    tags,
    summary: 'The release as CycloneDX 1.6 or SPDX 2.3, with concluded and effective licences',
    params: ID_PARAMS,
    querystring: formatQuery(RELEASE_EXPORT_FORMATS, 'cyclonedx-1.6'),
    produces: ['application/json'],
  }),
} as const;
