import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { authorOf } from '../http/author.js';
import { sendDownload } from '../http/download.js';
import { serve } from '../http/serve-route.js';
import { AI_ROUTES } from '../../api-contract/ai.js';

/** AI: the release's models, datasets and lineage, its use declaration (ADR 17, ADR 31) and the AI Act documents. */
export async function aiRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  serve(app, AI_ROUTES.getUse, async (request) => services.getReleaseUse(store, request.params.id));
  serve(app, AI_ROUTES.setUse, async (request) =>
    services.setReleaseUse(store, request.params.id, request.body, authorOf(request)),
  );
  serve(app, AI_ROUTES.releaseAi, async (request) => {
    // Cards and facts go out as stored; the contract leaves their schema open (fresh objects fit its type).
    const ai = await services.releaseAi(store, request.params.id);
    return {
      ...ai,
      models: ai.models.map((m) => ({ ...m, card: m.card ? { ...m.card } : null })),
      datasets: ai.datasets.map((d) => ({ ...d, facts: d.facts ? { ...d.facts } : null })),
    };
  });
  serve(app, AI_ROUTES.modelDocument, async (request, reply) => {
    const { id, versionId, document } = request.params;
    return sendDownload(
      reply,
      await services.renderReleaseAiDocument(store, id, versionId, document, request.query.format),
    );
  });
}
