import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { Store } from '../../services/store-door.js';
import { NORMALISER_ACCEPTANCES } from '../../model/policy-settings.js';
import { NULLABLE_STRING } from '../http/common-schemas.js';
import { authorOf } from '../http/author.js';

const ACCEPT_NORMALISER = {
  type: 'string',
  enum: [...NORMALISER_ACCEPTANCES],
  description: 'Whether step 1 accepts the normaliser\'s reading of a licence string without a curation: off (never), exact, high (exact and high confidence)',
} as const;

const POLICY_SETTINGS = {
  type: 'object',
  required: ['acceptNormaliser', 'updatedBy', 'updatedAt'],
  properties: { acceptNormaliser: ACCEPT_NORMALISER, updatedBy: NULLABLE_STRING, updatedAt: NULLABLE_STRING },
} as const;

const POLICY_SETTINGS_INPUT = {
  type: 'object',
  minProperties: 1,
  properties: { acceptNormaliser: ACCEPT_NORMALISER },
  additionalProperties: false,
} as const;

/** The organisation's recorded compliance settings (issue 8 item 6); legal and compliance officers change them. */
export async function policySettingsRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const tags = ['licences'];
  app.get(
    '/policy-settings',
    { config: { permission: 'read' }, schema: { tags, summary: 'The compliance settings validation applies, with who changed them last', response: { 200: POLICY_SETTINGS } } },
    async () => services.getPolicySettings(store),
  );
  app.put<{ Body: services.PolicySettingsEdit }>(
    '/policy-settings',
    {
      config: { permission: 'licenses:write' },
      schema: {
        tags,
        summary: 'Change a compliance setting; every release is validated again',
        body: POLICY_SETTINGS_INPUT,
        response: { 200: POLICY_SETTINGS },
      },
    },
    async (request) => services.updatePolicySettings(store, request.body, authorOf(request)),
  );
}
