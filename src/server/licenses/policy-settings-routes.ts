import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { Store } from '../../services/store-door.js';
import { authorOf } from '../http/author.js';
import { serve } from '../http/serve-route.js';
import { LICENSE_ROUTES } from '../../api-contract/licenses.js';

/** The organisation's recorded compliance settings (issue 8 item 6); legal and compliance officers change them. */
export async function policySettingsRoutes(app: FastifyInstance, store: Store): Promise<void> {
  serve(app, LICENSE_ROUTES.settings, async () => services.getPolicySettings(store));
  serve(app, LICENSE_ROUTES.setSettings, async (request) =>
    services.updatePolicySettings(store, request.body, authorOf(request)),
  );
}
