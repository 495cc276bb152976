import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { diffKnowledgeBases, importHermineShared } from '../../licenses/hermine/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { ApiError } from '../errors/api-error.js';
import { readUpload } from '../imports/read-upload.js';
import { knowledgeBaseOf } from './knowledge-base.js';
import { HERMINE_DIFF } from './schemas.js';

/** Hermine's shared.json is under 1 MiB today; leave it room to grow. */
const REFERENCE_LIMIT = 64 * 1024 * 1024;

export async function knowledgeBaseRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: REFERENCE_LIMIT }, (_request, body, done) => done(null, body));
    await scope.register(fastifyMultipart, { limits: { fileSize: REFERENCE_LIMIT, files: 1, fields: 10 } });
    scope.post(
      '/knowledge-base/diff',
      {
        config: { permission: 'read' },
        bodyLimit: REFERENCE_LIMIT,
        schema: {
          tags: ['licences'],
          summary: "Differences between our knowledge base and a Hermine shared.json (raw body or multipart \"file\")",
          consumes: ['application/json', 'multipart/form-data'],
          response: { 200: HERMINE_DIFF },
        },
      },
      async (request) => {
        const upload = await readUpload(request, REFERENCE_LIMIT, undefined);
        let json: unknown;
        try {
          json = JSON.parse(Buffer.from(upload.content).toString('utf8'));
        } catch (err) {
          throw new ApiError('unreadable-document', `The reference is not JSON: ${(err as Error).message}`);
        }
        const reference = importHermineShared(json);
        if (reference.kb.licenses.length === 0 && reference.issues.some((i) => i.severity === 'error')) {
          throw new ApiError('unsupported-format', 'Not a Hermine shared.json (no "objects" array)', reference.issues);
        }
        return { differences: diffKnowledgeBases(await knowledgeBaseOf(store), reference.kb), issues: reference.issues };
      },
    );
  });
}
