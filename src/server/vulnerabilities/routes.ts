import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { ID_PARAMS, OPEN_OBJECT } from '../http/common-schemas.js';
import { authorOf } from '../http/author.js';
import { sendDownload } from '../http/download.js';
import type { VexFormat } from '../../vulns/vex/index.js';
import { ADVISORY_PARAMS, DIFF_QUERY, RELEASE_VULNERABILITIES, TRIAGE, VEX_QUERY } from './schemas.js';

/** Stored vulnerability findings per release, triage (VEX), "affected by", counts (issue 11 items 8-9; ADR 13). */
export async function vulnerabilityRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const tags = ['vulnerabilities'];
  const now = () => new Date().toISOString();
  app.get<{ Params: { id: number } }>(
    '/releases/:id/vulnerabilities',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: "The release's stored findings with the triage that applies, counts, and whether the scan is stale",
        description:
          'Reads the stored scan (never re-matches); `scan.stale` is true when the release or the vulnerability database changed since.',
        params: ID_PARAMS,
        response: { 200: RELEASE_VULNERABILITIES },
      },
    },
    async (request) => services.releaseVulnerabilities(store, request.params.id),
  );
  app.post<{ Params: { id: number } }>(
    '/releases/:id/vulnerabilities/scan',
    {
      config: { permission: 'vulnerabilities:write' },
      schema: {
        tags,
        summary: "Scan the release against the store's vulnerability database now and store the findings",
        params: ID_PARAMS,
        response: { 201: RELEASE_VULNERABILITIES },
      },
    },
    async (request, reply) => {
      await services.scanRelease(store, request.params.id, 'on demand', now());
      return reply.status(201).send(await services.releaseVulnerabilities(store, request.params.id));
    },
  );
  app.post<{ Params: { id: number }; Body: services.TriageInput }>(
    '/releases/:id/vulnerabilities/triage',
    {
      config: { permission: 'vulnerabilities:write' },
      schema: {
        tags,
        summary: 'Record a triage (VEX analysis) of a vulnerability for a component of the release',
        description:
          'A new record: the previous one of the same scope stays as history. not_affected and false_positive need a justification or a detail; exploitable needs a response or an action statement.',
        params: ID_PARAMS,
        body: TRIAGE,
        response: { 201: OPEN_OBJECT },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await services.triageReleaseFinding(store, request.params.id, {
          ...request.body,
          author: authorOf(request),
          now: now(),
        }),
      ),
  );
  app.get<{ Params: { id: number }; Querystring: { format: VexFormat } }>(
    '/releases/:id/vex',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: "The release's analyses as CycloneDX VEX, OpenVEX or CSAF VEX (download)",
        params: ID_PARAMS,
        querystring: VEX_QUERY,
        produces: ['application/json'],
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await services.releaseVexDocument(store, request.params.id, request.query.format, authorOf(request), now()),
      ),
  );
  app.get<{ Params: { advisory: string } }>(
    '/vulnerabilities/:advisory/affected',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          'Which releases ship a version affected by the advisory (any id of its alias group), from the stored findings',
        params: ADVISORY_PARAMS,
        response: { 200: OPEN_OBJECT },
      },
    },
    async (request) => services.releasesAffectedBy(store, request.params.advisory),
  );
  app.get(
    '/vulnerabilities/summary',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Open findings per scanned release by rating and KEV, every finding by VEX state (dashboard)',
        response: { 200: OPEN_OBJECT },
      },
    },
    async () => services.vulnerabilitySummary(store),
  );
  app.get<{ Querystring: { from: number; to: number } }>(
    '/vulnerabilities/diff',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Vulnerabilities introduced and fixed from one release to another (stored scans)',
        querystring: DIFF_QUERY,
        response: { 200: OPEN_OBJECT },
      },
    },
    async (request) => services.vulnerabilityDiff(store, request.query.from, request.query.to),
  );
}
