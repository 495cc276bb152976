import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { UseDeclaration } from '../../model/use-declaration.js';
import type { ResourceOptions } from '../http/route-options.js';
import { ID_PARAMS } from '../http/common-schemas.js';
import { authorOf } from '../http/author.js';
import { sendDownload } from '../http/download.js';
import { AI_DOCUMENT_PARAMS, AI_DOCUMENT_QUERY, RELEASE_AI, RELEASE_USE, USE_DECLARATION_INPUT } from './schemas.js';

/** AI: the release's use declaration (use restrictions of model and data licences, ADR 17). */
export async function aiRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const tags = ['ai'];
  app.get<{ Params: { id: number } }>(
    '/releases/:id/use',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: "How the release's product is used (for licence use restrictions)",
        params: ID_PARAMS,
        response: { 200: RELEASE_USE },
      },
    },
    async (request) => services.getReleaseUse(store, request.params.id),
  );
  app.put<{ Params: { id: number }; Body: Partial<UseDeclaration> }>(
    '/releases/:id/use',
    {
      // A legal reading of the licences' use clauses, like a derogation: legal and compliance officers (ADR 31).
      config: { permission: 'decisions:write' },
      schema: {
        tags,
        summary: "Replace the release's use declaration (a field left out is not declared); records a validation run",
        params: ID_PARAMS,
        body: USE_DECLARATION_INPUT,
        response: { 200: RELEASE_USE },
      },
    },
    async (request) => services.setReleaseUse(store, request.params.id, request.body, authorOf(request)),
  );
  app.get<{ Params: { id: number } }>(
    '/releases/:id/ai',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          "The release's models (with their cards) and datasets (with their facts), and the lineage between them",
        params: ID_PARAMS,
        response: { 200: RELEASE_AI },
      },
    },
    async (request) => services.releaseAi(store, request.params.id),
  );
  app.get<{
    Params: { id: number; versionId: number; document: services.AiDocument };
    Querystring: { format: services.AiDocumentFormat };
  }>(
    '/releases/:id/ai/models/:versionId/:document',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          "An AI Act document of one of the release's models, as an attachment: the public summary of training content (Art. 53(1)(d)) or the information for downstream providers (Annex XII)",
        params: AI_DOCUMENT_PARAMS,
        querystring: AI_DOCUMENT_QUERY,
        produces: ['text/markdown', 'application/json'],
      },
    },
    async (request, reply) => {
      const { id, versionId, document } = request.params;
      return sendDownload(
        reply,
        await services.renderReleaseAiDocument(store, id, versionId, document, request.query.format),
      );
    },
  );
}
