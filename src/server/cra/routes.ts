import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { authorOf } from '../http/author.js';
import { sendDownload } from '../http/download.js';
import { serve } from '../http/serve-route.js';
import { CRA_ROUTES } from '../../api-contract/cra.js';
import type { ResponseOf } from '../../api-contract/route.js';

/**
 * The record, its assessment and the matrix rows are the CRA layer's shapes; the contract leaves
 * their schema open (ADR 33), so they are passed as plain objects.
 */
function presentView(v: services.CraRecordView): ResponseOf<typeof CRA_ROUTES.record> {
  return {
    ...v,
    record: { ...v.record },
    assessment: { ...v.assessment },
    requirements: v.requirements.map((r) => ({ ...r })),
  };
}

/** A product's CRA record and the evidence log (issue 12 items 2, 3, 6, 8): guests read, legal and compliance officers edit. */
export async function craRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  serve(app, CRA_ROUTES.record, async (request) =>
    presentView(await services.craRecordView(store, request.params.id, request.query)),
  );
  serve(app, CRA_ROUTES.update, async (request) =>
    presentView(await services.updateCraRecord(store, request.params.id, request.body, authorOf(request))),
  );
  serve(app, CRA_ROUTES.setRequirement, async (request) =>
    presentView(
      await services.setAnnexRequirement(
        store,
        request.params.id,
        request.params.requirement,
        request.body,
        authorOf(request),
      ),
    ),
  );
  serve(app, CRA_ROUTES.documents, async (request, reply) => {
    const docs = await services.craDocuments(store, request.params.id, request.query);
    return sendDownload(reply, { content: docs.zip, mediaType: 'application/zip', fileName: docs.fileName });
  });
  serve(app, CRA_ROUTES.issueDocuments, async (request, reply) => {
    const docs = await services.issueCraDocuments(store, request.params.id, request.query, authorOf(request));
    return sendDownload(reply, { content: docs.zip, mediaType: 'application/zip', fileName: docs.fileName });
  });
  serve(app, CRA_ROUTES.securityTxt, async (request, reply) => {
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
  });
  evidenceAndCaseRoutes(app, store);
}

/** The evidence log (issue 12 item 6), the Art. 14 case clocks and the KEV/EUVD case proposals (item 4). */
function evidenceAndCaseRoutes(app: FastifyInstance, store: ResourceOptions['store']): void {
  serve(app, CRA_ROUTES.evidence, async (request) => services.listEvidence(store, request.query));
  serve(app, CRA_ROUTES.caseClocks, async () => services.openCaseClocks(store));
  serve(app, CRA_ROUTES.caseProposals, async (request) =>
    services.reportingCaseProposals(store, { productId: request.query.productId }),
  );
  serve(app, CRA_ROUTES.openProposedCase, async (request, reply) =>
    reply.status(201).send(
      (await services.openCaseFromProposal(store, {
        ...request.body,
        actor: authorOf(request),
        awareAt: new Date(),
      })) satisfies ResponseOf<typeof CRA_ROUTES.openProposedCase>,
    ),
  );
  serve(app, CRA_ROUTES.verifyEvidence, async () => services.verifyEvidence(store));
}
