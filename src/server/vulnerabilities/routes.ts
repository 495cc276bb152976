import type { FastifyInstance } from 'fastify';
import * as services from '../../services/index.js';
import type { ResourceOptions } from '../http/route-options.js';
import { authorOf } from '../http/author.js';
import { sendDownload } from '../http/download.js';
import { serve } from '../http/serve-route.js';
import { pageEachOf } from '../http/paging.js';
import { VULNERABILITY_ROUTES } from '../../api-contract/vulnerabilities.js';
import type { ResponseOf } from '../../api-contract/route.js';

/**
 * The matcher's parts of a finding (vulnerability, component, match) and the stored scan summary go
 * out as stored; the contract leaves their schema open (ADR 33), so they are passed as plain objects.
 */
function presentVulnerabilities(v: services.ReleaseVulnerabilities) {
  return {
    ...v,
    scan: v.scan
      ? { ...v.scan, summary: { ...v.scan.summary }, unchecked: v.scan.unchecked.map((u) => ({ ...u })) }
      : null,
    findings: v.findings.map((f) => ({
      ...f,
      vulnerability: { ...f.vulnerability },
      component: { ...f.component },
      match: { ...f.match },
    })),
  };
}

/** Stored vulnerability findings per release, triage (VEX), "affected by", counts (issue 11 items 8-9; ADR 13). */
export async function vulnerabilityRoutes(app: FastifyInstance, { store }: ResourceOptions): Promise<void> {
  const now = () => new Date().toISOString();
  serve(app, VULNERABILITY_ROUTES.findings, async (request) =>
    presentVulnerabilities(await services.releaseVulnerabilities(store, request.params.id)),
  );
  serve(app, VULNERABILITY_ROUTES.scan, async (request, reply) => {
    await services.scanRelease(store, request.params.id, 'on demand', now());
    return reply
      .status(201)
      .send(
        presentVulnerabilities(await services.releaseVulnerabilities(store, request.params.id)) satisfies ResponseOf<
          typeof VULNERABILITY_ROUTES.scan
        >,
      );
  });
  serve(app, VULNERABILITY_ROUTES.triage, async (request, reply) => {
    const { record, scope } = await services.triageReleaseFinding(store, request.params.id, {
      ...request.body,
      author: authorOf(request),
      now: now(),
    });
    return reply.status(201).send({
      record: { ...record, analysis: { ...record.analysis } },
      scope,
    } satisfies ResponseOf<typeof VULNERABILITY_ROUTES.triage>);
  });
  serve(app, VULNERABILITY_ROUTES.vex, async (request, reply) =>
    sendDownload(
      reply,
      await services.releaseVexDocument(store, request.params.id, request.query.format, authorOf(request), now()),
    ),
  );
  serve(app, VULNERABILITY_ROUTES.affected, async (request) =>
    services.releasesAffectedBy(store, request.params.advisory),
  );
  serve(app, VULNERABILITY_ROUTES.summary, async () => services.vulnerabilitySummary(store));
  serve(app, VULNERABILITY_ROUTES.diff, async (request, reply) => {
    const { introduced, fixed, ...rest } = await services.vulnerabilityDiff(
      store,
      request.query.from,
      request.query.to,
    );
    const { pages, totals } = pageEachOf({ introduced, fixed }, request, reply);
    return { ...rest, ...pages, totals };
  });
}
