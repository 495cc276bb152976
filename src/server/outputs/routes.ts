import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { ID_PARAMS } from '../http/common-schemas.js';
import { sendDownload } from '../http/download.js';

const formatQuery = (values: readonly string[], fallback: string) =>
  ({ type: 'object', properties: { format: { type: 'string', enum: values, default: fallback } }, additionalProperties: false }) as const;

/** Downloads of a release, each with Content-Disposition: attachment. */
export async function outputRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const tags = ['outputs'];
  const read = { permission: 'read' as const };
  app.get<{ Params: { id: number }; Querystring: { format: services.NoticeFormat } }>(
    '/releases/:id/notice',
    { config: read, schema: { tags, summary: 'NOTICE / attribution file', params: ID_PARAMS, querystring: formatQuery([...services.NOTICE_FORMATS], 'text'), produces: ['text/plain', 'text/markdown', 'text/html', 'application/json'] } },
    async (request, reply) => sendDownload(reply, await services.renderNotice(store, request.params.id, request.query.format)),
  );
  app.get<{ Params: { id: number } }>(
    '/releases/:id/bom.csv',
    { config: read, schema: { tags, summary: 'The release BOM as CSV', params: ID_PARAMS, produces: ['text/csv'] } },
    async (request, reply) => sendDownload(reply, await services.renderBomCsv(store, request.params.id)),
  );
  app.get<{ Params: { id: number }; Querystring: { format: services.ObligationsFormat } }>(
    '/releases/:id/obligations/document',
    { config: read, schema: { tags, summary: 'Obligations as a JSON or Markdown document', params: ID_PARAMS, querystring: formatQuery(['json', 'md'], 'md'), produces: ['application/json', 'text/markdown'] } },
    async (request, reply) => sendDownload(reply, await services.renderObligations(store, request.params.id, request.query.format)),
  );
  app.get<{ Params: { id: number } }>(
    '/releases/:id/junit',
    { config: read, schema: { tags, summary: 'JUnit verdict, one test case per validation step', params: ID_PARAMS, produces: ['application/xml'] } },
    async (request, reply) => sendDownload(reply, await services.renderJUnit(store, request.params.id)),
  );
  app.get<{ Params: { id: number } }>(
    '/releases/:id/sarif',
    { config: read, schema: { tags, summary: 'SARIF 2.1.0 for code-scanning UIs', params: ID_PARAMS, produces: ['application/sarif+json'] } },
    async (request, reply) => sendDownload(reply, await services.renderSarif(store, request.params.id)),
  );
  app.get<{ Params: { id: number }; Querystring: { format: services.ReleaseExportFormat } }>(
    '/releases/:id/export',
    {
      config: read,
      schema: { tags, summary: 'The release as CycloneDX 1.6 or SPDX 2.3, with concluded and effective licences', params: ID_PARAMS, querystring: formatQuery(['cyclonedx-1.6', 'spdx-2.3'], 'cyclonedx-1.6'), produces: ['application/json'] },
    },
    async (request, reply) => sendDownload(reply, await services.exportRelease(store, request.params.id, request.query.format)),
  );
}
