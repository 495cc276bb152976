import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { readUpload } from '../imports/read-upload.js';
import { HERMINE_DIFF, HERMINE_IMPORT, HERMINE_IMPORT_QUERY, KNOWLEDGE_BASE_IMPORT_RECORD } from './schemas.js';
import { authorOf } from '../http/author.js';
import { listOf } from '../http/common-schemas.js';

/** Hermine's shared.json is under 1 MiB today; leave it room to grow. */
const REFERENCE_LIMIT = 64 * 1024 * 1024;

export async function knowledgeBaseRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  app.get(
    '/knowledge-base/imports',
    {
      config: { permission: 'read' },
      schema: { tags: ['licences'], summary: 'The knowledge base import history, newest first (who, when, from what, what it changed)', response: { 200: listOf(KNOWLEDGE_BASE_IMPORT_RECORD) } },
    },
    async () => services.knowledgeBaseHistory(store),
  );
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: REFERENCE_LIMIT }, (_request, body, done) => done(null, body));
    await scope.register(fastifyMultipart, { limits: { fileSize: REFERENCE_LIMIT, files: 1, fields: 10 } });
    const tags = ['licences'];
    const consumes = ['application/json', 'multipart/form-data'];
    scope.post(
      '/knowledge-base/diff',
      {
        config: { permission: 'read' },
        bodyLimit: REFERENCE_LIMIT,
        schema: {
          tags,
          summary: 'Differences between our knowledge base and a Hermine shared.json (raw body or multipart "file")',
          consumes,
          response: { 200: HERMINE_DIFF },
        },
      },
      async (request) => services.compareWithHermine(store, (await readUpload(request, REFERENCE_LIMIT, undefined)).content),
    );
    scope.post<{ Querystring: { mode: services.KnowledgeBaseImportMode; background?: boolean } }>(
      '/knowledge-base/import',
      {
        config: { permission: 'licenses:write' },
        bodyLimit: REFERENCE_LIMIT,
        schema: {
          tags,
          summary: 'Store a Hermine shared.json as the knowledge base (raw body or multipart "file"), replacing it or merged into it',
          description: 'Licence policies are the organisation\'s own and are never imported. A refused document leaves the stored knowledge base as it was.',
          consumes,
          querystring: HERMINE_IMPORT_QUERY,
          response: { 200: HERMINE_IMPORT },
        },
      },
      async (request) => {
        const upload = await readUpload(request, REFERENCE_LIMIT, undefined);
        const origin = { source: upload.fileName ?? 'upload', author: authorOf(request) };
        return services.importHermineKnowledgeBase(store, upload.content, request.query.mode, origin, {
          revalidation: request.query.background ? 'job' : 'now',
        });
      },
    );
  });
}
