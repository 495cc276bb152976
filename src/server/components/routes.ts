import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { OPEN_OBJECT, listOf } from '../http/common-schemas.js';
import { presentRelease } from '../releases/presenter.js';
import { COMPONENT_QUERY, LICENSE_PARAMS } from './schemas.js';

/** Where a component is used, and which releases use a licence (issue 8 item 17). */
export async function componentRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  app.get<{ Querystring: { component: string } }>(
    '/components/usage',
    {
      config: { permission: 'read' },
      schema: {
        tags: ['portfolio'],
        summary: 'Where a component is used: releases, projects and scopes, effective licences, and the decisions that touch it',
        querystring: COMPONENT_QUERY,
        response: { 200: OPEN_OBJECT },
      },
    },
    async (request) => {
      const found = await services.componentUsage(store, request.query.component);
      return { ...found, releases: found.releases.map((r) => ({ ...r, release: presentRelease(r.release) })) };
    },
  );
  app.get<{ Params: { license: string } }>(
    '/licenses/:license/releases',
    {
      config: { permission: 'read' },
      schema: {
        tags: ['licenses'],
        summary: 'Releases with usages under this licence once decisions apply (newest validation run of each)',
        params: LICENSE_PARAMS,
        response: { 200: listOf(OPEN_OBJECT) },
      },
    },
    async (request) => (await services.releasesUsingLicense(store, request.params.license)).map((r) => ({ ...r, release: presentRelease(r.release) })),
  );
}
