import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { sendDownload, streamOf } from '../http/download.js';
import { serve } from '../http/serve-route.js';
import { OUTPUT_ROUTES } from '../../api-contract/outputs.js';

/** Downloads of a release, each with Content-Disposition: attachment. */
export async function outputRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  serve(app, OUTPUT_ROUTES.notice, async (request, reply) =>
    sendDownload(reply, await services.renderNotice(store, request.params.id, request.query.format)),
  );
  serve(app, OUTPUT_ROUTES.bomCsv, async (request, reply) =>
    sendDownload(reply, await services.renderBomCsv(store, request.params.id)),
  );
  serve(app, OUTPUT_ROUTES.obligations, async (request, reply) =>
    sendDownload(reply, await services.renderObligations(store, request.params.id, request.query.format)),
  );
  // The verdicts grow with the release's blockers: written as they are rendered, never built whole.
  serve(app, OUTPUT_ROUTES.junit, async (request, reply) => {
    const { chunks, ...output } = await services.streamJUnit(store, request.params.id);
    return sendDownload(reply, { ...output, content: streamOf(chunks) });
  });
  serve(app, OUTPUT_ROUTES.sarif, async (request, reply) => {
    const { chunks, ...output } = await services.streamSarif(store, request.params.id);
    return sendDownload(reply, { ...output, content: streamOf(chunks) });
  });
  // Tens of megabytes on a large release: written as the socket takes it, never stringified whole.
  serve(app, OUTPUT_ROUTES.export, async (request, reply) => {
    const { chunks, ...output } = await services.streamExport(store, request.params.id, request.query.format);
    return sendDownload(reply, { ...output, content: streamOf(chunks) });
  });
}
