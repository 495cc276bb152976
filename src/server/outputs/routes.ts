import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { sendDownload, streamOf } from '../http/download.js';
import { serve } from '../http/serve-route.js';
import { OUTPUT_ROUTES } from '../../api-contract/outputs.js';

/** Downloads of a release, each with Content-Disposition: attachment. */
export async function outputRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  // A download that grows with the release is written as it is rendered, never built whole first.
  const streamed = (output: services.StreamedOutput) => {
    const { chunks, ...rest } = output;
    return { ...rest, content: streamOf(chunks) };
  };
  serve(app, OUTPUT_ROUTES.notice, async (request, reply) =>
    sendDownload(reply, streamed(await services.streamNotice(store, request.params.id, request.query.format))),
  );
  serve(app, OUTPUT_ROUTES.bomCsv, async (request, reply) =>
    sendDownload(reply, await services.renderBomCsv(store, request.params.id)),
  );
  serve(app, OUTPUT_ROUTES.obligations, async (request, reply) =>
    sendDownload(reply, streamed(await services.streamObligations(store, request.params.id, request.query.format))),
  );
  serve(app, OUTPUT_ROUTES.junit, async (request, reply) =>
    sendDownload(reply, streamed(await services.streamJUnit(store, request.params.id))),
  );
  serve(app, OUTPUT_ROUTES.sarif, async (request, reply) =>
    sendDownload(reply, streamed(await services.streamSarif(store, request.params.id))),
  );
  serve(app, OUTPUT_ROUTES.export, async (request, reply) =>
    sendDownload(reply, streamed(await services.streamExport(store, request.params.id, request.query.format))),
  );
}
