import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { FillPolicy, ImportMode } from '../../services/store-door.js';
import type { ResourceOptions } from '../http/route-options.js';
import { ID_PARAMS, listOf } from '../http/common-schemas.js';
import { authorOf } from '../http/author.js';
import { sendDownload } from '../http/download.js';
import { presentImport, presentOutcome } from './presenter.js';
import type { Linking, Modification } from '../../model/usage-context.js';
import { IMPORT_OUTCOME, IMPORT_QUERY, IMPORT_RECORD, NAMED_IMPORT_OUTCOME, NAMED_IMPORT_QUERY } from './schemas.js';
import { readUpload } from './read-upload.js';
import { JOB } from '../jobs/schemas.js';
import { presentJob } from '../jobs/presenter.js';

interface ImportQuery {
  mode: ImportMode;
  policy: FillPolicy;
  fileName?: string;
  project?: string;
  scope?: string;
  linking?: Linking;
  modification?: Modification;
  background?: boolean;
}

interface NamedImportQuery extends Omit<ImportQuery, 'background'> {
  product: string;
  release: string;
  create: boolean;
}

export async function importRoutes(app: FastifyInstance, { store, uploadLimit }: ResourceOptions): Promise<void> {
  const tags = ['imports'];
  app.get<{ Params: { id: number } }>(
    '/releases/:id/imports',
    { config: { permission: 'read' }, schema: { tags, summary: 'Import history of a release', params: ID_PARAMS, response: { 200: listOf(IMPORT_RECORD) } } },
    async (request) => (await services.listImports(store, request.params.id)).map(presentImport),
  );
  app.get<{ Params: { id: number } }>(
    '/imports/:id/document',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The original document of an import, as an attachment',
        description: 'Served with the media type of the SBOM format Vigie recognised in it (application/octet-stream otherwise), never the type the uploader sent.',
        params: ID_PARAMS,
        produces: ['application/vnd.cyclonedx+json', 'application/vnd.cyclonedx+xml', 'application/spdx+json', 'text/spdx', 'application/octet-stream'],
      },
    },
    async (request, reply) => {
      const doc = await services.importDownload(store, request.params.id);
      return sendDownload(reply, { fileName: doc.fileName, mediaType: doc.mediaType, content: Buffer.from(doc.content) });
    },
  );

  // The upload route reads bytes, not JSON: its own scope gets its own body parsers and limit.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: uploadLimit }, (_request, body, done) => done(null, body));
    await scope.register(fastifyMultipart, { limits: { fileSize: uploadLimit, files: 1, fields: 10 } });
    scope.post<{ Params: { id: number }; Querystring: ImportQuery }>(
      '/releases/:id/imports',
      {
        config: { permission: 'portfolio:write' },
        bodyLimit: uploadLimit,
        schema: {
          tags,
          summary: 'Import an SBOM into a release',
          description: `Send the document as the raw body (any content type) or as the "file" part of multipart/form-data. With ?background=true the import runs as a job: 202 with the job, its progress at GET /api/jobs/{id}. Limit: ${uploadLimit} bytes (413 payload-too-large above). 415 unsupported-format for a document Vigie cannot read, 422 unreadable-document for a broken one; the release is left untouched.`,
          params: ID_PARAMS,
          querystring: IMPORT_QUERY,
          consumes: ['application/octet-stream', 'application/json', 'application/xml', 'multipart/form-data'],
          response: { 201: IMPORT_OUTCOME, 202: JOB },
        },
      },
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
          author: authorOf(request),
          maxBytes: uploadLimit,
        };
        if (request.query.background) {
          const job = await services.enqueueImport(store, release.id, options);
          return reply.status(202).header('location', `/api/jobs/${job.id}`).send(presentJob(job));
        }
        const outcome = await services.importDocument(store, release.id, options);
        return reply.status(201).send(presentOutcome(outcome));
      },
    );
    // Creating a product or release needs portfolio:write, the permission importing needs too.
    scope.post<{ Querystring: NamedImportQuery }>(
      '/imports',
      {
        config: { permission: 'portfolio:write' },
        bodyLimit: uploadLimit,
        schema: {
          tags,
          summary: 'Import an SBOM into a release named by product and number, optionally creating them',
          description: `The document as for POST /api/releases/{id}/imports. With create=true a missing product and/or release is created in the import's transaction (a document Vigie cannot read creates nothing); without it, 404 not-found. "created" says what was created. Runs directly (no background option).`,
          querystring: NAMED_IMPORT_QUERY,
          consumes: ['application/octet-stream', 'application/json', 'application/xml', 'multipart/form-data'],
          response: { 201: NAMED_IMPORT_OUTCOME },
        },
      },
      async (request, reply) => {
        const { product, release, create, fileName, ...query } = request.query;
        const target = { product, release, create, createHint: 'send create=true to create it with the import' };
        // Unknown names are refused before the body is read.
        await services.resolveImportTarget(store, target);
        const upload = await readUpload(request, uploadLimit, fileName);
        const outcome = await services.importDocumentByName(store, target, { ...upload, ...query, author: authorOf(request), maxBytes: uploadLimit });
        return reply.status(201).send({ ...presentOutcome(outcome), created: outcome.created });
      },
    );
  });
}
