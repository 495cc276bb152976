import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { readUpload } from '../imports/read-upload.js';
import { authorOf } from '../http/author.js';
import { serve } from '../http/serve-route.js';
import { LICENSE_ROUTES } from '../../api-contract/licenses.js';

/** Hermine's shared.json is under 1 MiB today; leave it room to grow. */
const REFERENCE_LIMIT = 64 * 1024 * 1024;

export async function knowledgeBaseRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  serve(app, LICENSE_ROUTES.knowledgeBaseImports, async () => services.knowledgeBaseHistory(store));
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: REFERENCE_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
    await scope.register(fastifyMultipart, { limits: { fileSize: REFERENCE_LIMIT, files: 1, fields: 10 } });
    const transport = { bodyLimit: REFERENCE_LIMIT };
    serve(
      scope,
      LICENSE_ROUTES.hermineDiff,
      async (request) =>
        services.compareWithHermine(store, (await readUpload(request, REFERENCE_LIMIT, undefined)).content),
      transport,
    );
    serve(
      scope,
      LICENSE_ROUTES.hermineImport,
      async (request) => {
        const upload = await readUpload(request, REFERENCE_LIMIT, undefined);
        const origin = { source: upload.fileName ?? 'upload', author: authorOf(request) };
        return services.importHermineKnowledgeBase(store, upload.content, request.query.mode, origin, {
          revalidation: request.query.background ? 'job' : 'now',
        });
      },
      transport,
    );
  });
}
