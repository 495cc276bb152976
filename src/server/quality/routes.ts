import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { serve } from '../http/serve-route.js';
import { QUALITY_ROUTES } from '../../api-contract/quality.js';

/** GET /api/releases/:id/quality (issue 12 item 1): read from the results each import stored. */
export async function qualityRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  serve(app, QUALITY_ROUTES.release, async (request) => services.releaseQuality(store, request.params.id));
}
