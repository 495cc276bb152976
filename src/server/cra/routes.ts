import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { ID_PARAMS, OPEN_OBJECT, listOf } from '../http/common-schemas.js';
import { authorOf } from '../http/author.js';
import { sendDownload } from '../http/download.js';
import {
  ANNEX_ENTRY_INPUT,
  ANNEX_PARAMS,
  CRA_PATCH,
  CRA_VIEW,
  CRA_VIEW_QUERY,
  DOCUMENTS_QUERY,
  EVIDENCE_QUERY,
  OPEN_PROPOSAL,
  PROPOSALS_QUERY,
} from './schemas.js';

/** A product's CRA record and the evidence log (issue 12 items 2, 3, 6, 8): guests read, legal and compliance officers edit. */
export async function craRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const tags = ['cra'];
  app.get<{ Params: { id: number }; Querystring: { release?: string } }>(
    '/products/:id/cra',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          "A product's CRA record with its readiness checklist, routes, support findings and Annex I matrix; I.a and II.1 computed for ?release= (default: the newest published release, else the newest)",
        params: ID_PARAMS,
        querystring: CRA_VIEW_QUERY,
        response: { 200: CRA_VIEW },
      },
    },
    async (request) => services.craRecordView(store, request.params.id, request.query),
  );
  app.patch<{ Params: { id: number }; Body: services.CraRecordChanges }>(
    '/products/:id/cra',
    {
      config: { permission: 'cra:write' },
      schema: {
        tags,
        summary: 'Change the CRA record (maps merged, an empty value removes a key); logged as evidence',
        params: ID_PARAMS,
        body: CRA_PATCH,
        response: { 200: CRA_VIEW },
      },
    },
    async (request) => services.updateCraRecord(store, request.params.id, request.body, authorOf(request)),
  );
  app.put<{ Params: { id: number; requirement: string }; Body: services.AnnexEntryInput }>(
    '/products/:id/cra/annex-i/:requirement',
    {
      config: { permission: 'cra:write' },
      schema: {
        tags,
        summary: 'Set one Annex I requirement: met needs evidence, not-applicable a reason; logged as evidence',
        params: ANNEX_PARAMS,
        body: ANNEX_ENTRY_INPUT,
        response: { 200: CRA_VIEW },
      },
    },
    async (request) =>
      services.setAnnexRequirement(
        store,
        request.params.id,
        request.params.requirement,
        request.body,
        authorOf(request),
      ),
  );
  app.get<{ Params: { id: number }; Querystring: { release?: string; date?: string } }>(
    '/products/:id/cra/documents.zip',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          'The CRA document bundle as a zip (Annex VII index, Annex II, V, VI, Annex I matrix, CVD policy, security.txt, release SBOM, SHA-256 manifest)',
        params: ID_PARAMS,
        querystring: DOCUMENTS_QUERY,
        produces: ['application/zip'],
      },
    },
    async (request, reply) => {
      const docs = await services.craDocuments(store, request.params.id, request.query);
      return sendDownload(reply, { content: docs.zip, mediaType: 'application/zip', fileName: docs.fileName });
    },
  );
  app.post<{ Params: { id: number }; Querystring: { release?: string; date?: string } }>(
    '/products/:id/cra/documents',
    {
      config: { permission: 'cra:write' },
      schema: {
        tags,
        summary: 'Issue the CRA documents: the zip, with its manifest hash recorded in the evidence log',
        params: ID_PARAMS,
        querystring: DOCUMENTS_QUERY,
        produces: ['application/zip'],
      },
    },
    async (request, reply) => {
      const docs = await services.issueCraDocuments(store, request.params.id, request.query, authorOf(request));
      return sendDownload(reply, { content: docs.zip, mediaType: 'application/zip', fileName: docs.fileName });
    },
  );
  app.get<{ Params: { id: number } }>(
    '/products/:id/cra/security.txt',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: "The product's security.txt (RFC 9116) from its record",
        params: ID_PARAMS,
        produces: ['text/plain'],
      },
    },
    async (request, reply) => {
      const docs = await services.craDocuments(store, request.params.id);
      const file = docs.bundle.files.find((f) => f.path === 'security.txt');
      if (!file)
        return reply.status(404).send({
          error: {
            code: 'not-found',
            message: 'this role publishes no security.txt (importers, distributors, out-of-scope software)',
          },
        });
      return reply.type('text/plain; charset=utf-8').send(Buffer.from(file.content));
    },
  );
  await evidenceAndCaseRoutes(app, store, tags);
}

/** The evidence log (issue 12 item 6), the Art. 14 case clocks and the KEV/EUVD case proposals (item 4). */
async function evidenceAndCaseRoutes(
  app: FastifyInstance,
  store: ResourceOptions['store'],
  tags: string[],
): Promise<void> {
  app.get<{ Querystring: { subject?: string; afterSeq?: number; limit?: number } }>(
    '/evidence',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Evidence log entries, oldest first',
        querystring: EVIDENCE_QUERY,
        response: { 200: listOf(OPEN_OBJECT) },
      },
    },
    async (request) => services.listEvidence(store, request.query),
  );
  app.get(
    '/cra/case-clocks',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Open Art. 14 cases with their next deadline and the time left, most urgent first',
        response: { 200: OPEN_OBJECT },
      },
    },
    async () => services.openCaseClocks(store),
  );
  app.get<{ Querystring: { productId?: number } }>(
    '/cra/case-proposals',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          'KEV-listed or EUVD-exploited vulnerabilities in published releases with no not_affected analysis and no case yet (Art. 14(1) candidates)',
        querystring: PROPOSALS_QUERY,
        response: { 200: listOf(OPEN_OBJECT) },
      },
    },
    async (request) => services.reportingCaseProposals(store, { productId: request.query.productId }),
  );
  app.post<{ Body: { productId: number; release: string; vulnerability: string } }>(
    '/cra/case-proposals/open',
    {
      config: { permission: 'cra:write' },
      schema: {
        tags,
        summary: 'Open the Art. 14 case a current proposal suggests (awareness: now); logged as evidence',
        body: OPEN_PROPOSAL,
        response: { 201: OPEN_OBJECT },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await services.openCaseFromProposal(store, {
          ...request.body,
          actor: authorOf(request),
          awareAt: new Date(),
        }),
      ),
  );
  app.get(
    '/evidence/verify',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Recompute the evidence chain and name the first broken entry',
        response: { 200: OPEN_OBJECT },
      },
    },
    async () => services.verifyEvidence(store),
  );
}
