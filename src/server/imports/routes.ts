import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { authorOf } from '../http/author.js';
import { sendDownload } from '../http/download.js';
import { serve } from '../http/serve-route.js';
import { IMPORT_ROUTES, SCAN_INLINE_UP_TO } from '../../api-contract/imports.js';
import { presentImport, presentOutcome } from './presenter.js';
import { readUpload } from './read-upload.js';
import { presentJob } from '../jobs/presenter.js';

export async function importRoutes(app: FastifyInstance, { store, uploadLimit }: ResourceOptions): Promise<void> {
  serve(app, IMPORT_ROUTES.history, async (request) =>
    (await services.listImports(store, request.params.id)).map(presentImport),
  );
  serve(app, IMPORT_ROUTES.document, async (request, reply) => {
    const doc = await services.importDownload(store, request.params.id);
    return sendDownload(reply, { fileName: doc.fileName, mediaType: doc.mediaType, content: Buffer.from(doc.content) });
  });

  // The upload route reads bytes, not JSON: its own scope gets its own body parsers and limit.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: uploadLimit }, (_request, body, done) =>
      done(null, body),
    );
    await scope.register(fastifyMultipart, { limits: { fileSize: uploadLimit, files: 1, fields: 10 } });
    const transport = { bodyLimit: uploadLimit };
    serve(
      scope,
      IMPORT_ROUTES.upload,
      async (request, reply) => {
        const release = await services.getRelease(store, request.params.id);
        const upload = await readUpload(request, uploadLimit, request.query.fileName);
        const options = {
          ...upload,
          mode: request.query.mode,
          policy: request.query.policy,
          project: request.query.project,
          scope: request.query.scope,
          linking: request.query.linking,
          modification: request.query.modification,
          acceptErrors: request.query.acceptErrors,
          author: authorOf(request),
          maxBytes: uploadLimit,
        };
        if (request.query.background) {
          const job = await services.enqueueImport(store, release.id, options);
          return reply.status(202).header('location', `/api/jobs/${job.id}`).send(presentJob(job));
        }
        const outcome = await services.importDocument(store, release.id, {
          ...options,
          scanInlineUpTo: SCAN_INLINE_UP_TO,
        });
        return reply.status(201).send(presentOutcome(outcome));
      },
      transport,
    );
    serve(
      scope,
      IMPORT_ROUTES.uploadByName,
      async (request, reply) => {
        const { product, release, create, fileName, ...query } = request.query;
        const target = { product, release, create, createHint: 'send create=true to create it with the import' };
        // Unknown names are refused before the body is read.
        await services.resolveImportTarget(store, target);
        const upload = await readUpload(request, uploadLimit, fileName);
        const outcome = await services.importDocumentByName(store, target, {
          ...upload,
          ...query,
          author: authorOf(request),
          maxBytes: uploadLimit,
          scanInlineUpTo: SCAN_INLINE_UP_TO,
        });
        return reply.status(201).send({ ...presentOutcome(outcome), created: outcome.created });
      },
      transport,
    );
  });
}
