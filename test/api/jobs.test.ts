// Long work as jobs over the API (issue 13 item 4): an import sent with ?background=true answers 202
// with a job resource, a worker runs it from the store, and GET /api/jobs/:id shows its state,
// progress and result or error; roles apply to creating and reading jobs. Both dialects. A
// knowledge-base import can leave the re-validation of every release to a job.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as services from '../../src/services/index.js';
import { corpus, needsCorpora } from '../support/corpora.js';
import { targets } from '../store/support/databases.js';
import { bearer, startApi } from './support.js';

const SBOM = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: { component: { type: 'application', 'bom-ref': 'root', name: 'app', version: '1.0.0' } },
  components: ['a', 'b', 'c'].map((n) => ({
    type: 'library',
    'bom-ref': n,
    name: n,
    version: '1.0.0',
    purl: `pkg:npm/${n}@1.0.0`,
    licenses: [{ license: { id: 'MIT' } }],
  })),
  dependencies: [
    { ref: 'root', dependsOn: ['a', 'b'] },
    { ref: 'a', dependsOn: ['c'] },
  ],
});

for (const target of targets()) {
  test(
    `imports and re-validations run as jobs behind 202 [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const api = await startApi(target);
      try {
        const store = api.fresh.store;
        const product = await services.createProduct(store, { name: 'Portal' });
        const release = await services.createRelease(store, { productId: product.id, number: '1.0.0' });
        const pm = { ...bearer(api.tokens['project-manager']), 'content-type': 'application/json' };
        const url = `/api/releases/${release.id}/imports?fileName=bom.json&background=true`;

        // A guest may not import, in the background or not; nobody anonymous reads jobs.
        assert.equal(
          (
            await api.app.inject({
              method: 'POST',
              url,
              headers: { ...bearer(api.tokens.guest), 'content-type': 'application/json' },
              payload: SBOM,
            })
          ).statusCode,
          403,
        );
        const accepted = await api.app.inject({ method: 'POST', url, headers: pm, payload: SBOM });
        assert.equal(accepted.statusCode, 202, accepted.body);
        const job = accepted.json() as {
          id: number;
          state: string;
          kind: string;
          links: { self: string };
          progress: unknown;
        };
        assert.deepEqual(
          [job.kind, job.state, accepted.headers.location, job.links.self],
          ['import', 'queued', `/api/jobs/${job.id}`, `/api/jobs/${job.id}`],
        );
        assert.deepEqual(await store.listUsages(release.id), [], 'nothing imported before a worker runs the job');
        assert.equal((await api.app.inject({ method: 'GET', url: `/api/jobs/${job.id}` })).statusCode, 401);
        const queued = await api.app.inject({
          method: 'GET',
          url: `/api/jobs/${job.id}`,
          headers: bearer(api.tokens.guest),
        });
        assert.equal(queued.json().state, 'queued');
        assert.equal(queued.json().leaseOwner, undefined, 'which worker holds a job stays inside');

        assert.equal(await services.runWorker(store, { once: true }), 1);
        const done = (
          await api.app.inject({ method: 'GET', url: `/api/jobs/${job.id}`, headers: bearer(api.tokens.guest) })
        ).json();
        assert.equal(done.state, 'succeeded', JSON.stringify(done));
        assert.deepEqual(done.progress, { phase: 'done', done: 3, total: 3 });
        assert.equal(done.result.counts.usagesInserted, 3);
        assert.equal(done.attempts, 1);
        assert.equal((await store.listUsages(release.id)).length, 3);
        assert.equal((await store.latestValidationRun(release.id))?.reason, 'import');

        // A document Vigie cannot read: the job fails with the import's error code, once, release untouched.
        const bad = await api.app.inject({ method: 'POST', url, headers: pm, payload: '{"hello":"world"}' });
        assert.equal(bad.statusCode, 202);
        await services.runWorker(store, { once: true });
        const failed = (
          await api.app.inject({ method: 'GET', url: `/api/jobs/${bad.json().id}`, headers: bearer(api.tokens.guest) })
        ).json();
        assert.deepEqual([failed.state, failed.error.code, failed.attempts], ['failed', 'unsupported-format', 1]);
        assert.match(failed.error.message, /not an SBOM format/);
        assert.equal((await store.listUsages(release.id)).length, 3);

        // An unknown release is refused at once, not as a failing job.
        const missing = await api.app.inject({
          method: 'POST',
          url: '/api/releases/9999/imports?background=true',
          headers: pm,
          payload: SBOM,
        });
        assert.equal(missing.statusCode, 404);
        assert.equal(
          (await api.app.inject({ method: 'GET', url: '/api/jobs/9999', headers: bearer(api.tokens.guest) }))
            .statusCode,
          404,
        );

        // Re-validation of every release: legal may ask for it, a project manager may not.
        assert.equal(
          (await api.app.inject({ method: 'POST', url: '/api/jobs/revalidation', headers: pm, payload: {} }))
            .statusCode,
          403,
        );
        const legal = { ...bearer(api.tokens.legal), 'content-type': 'application/json' };
        assert.equal(
          (
            await api.app.inject({
              method: 'POST',
              url: '/api/jobs/revalidation',
              headers: legal,
              payload: { releaseIds: [0] },
            })
          ).statusCode,
          400,
        );
        const revalidation = await api.app.inject({
          method: 'POST',
          url: '/api/jobs/revalidation',
          headers: legal,
          payload: {},
        });
        assert.equal(revalidation.statusCode, 202, revalidation.body);
        await services.runWorker(store, { once: true });
        const revalidated = (
          await api.app.inject({
            method: 'GET',
            url: `/api/jobs/${revalidation.json().id}`,
            headers: bearer(api.tokens.guest),
          })
        ).json();
        assert.deepEqual([revalidated.state, revalidated.result], ['succeeded', { releases: 1 }]);
        assert.equal((await store.latestValidationRun(release.id))?.reason, 'manual');

        // A policy change may leave the re-validation to a job recorded with it.
        const policy = await api.app.inject({
          method: 'PUT',
          url: '/api/licenses/MIT/policy?background=true',
          headers: legal,
          payload: { allowed: 'always' },
        });
        assert.equal(policy.statusCode, 200, policy.body);
        assert.equal((await store.latestValidationRun(release.id))?.reason, 'manual', 'answered before validating');
        const policyJob = await services.getJob(store, policy.json().revalidationJobId);
        assert.deepEqual(
          [policyJob.kind, policyJob.params.reason, policyJob.createdBy],
          ['revalidate', 'policy', 'legal token'],
        );
        await services.runWorker(store, { once: true });
        assert.equal((await store.latestValidationRun(release.id))?.reason, 'policy');
        const inlinePolicy = await api.app.inject({
          method: 'PUT',
          url: '/api/licenses/MIT/policy',
          headers: legal,
          payload: { allowed: 'never' },
        });
        assert.equal(inlinePolicy.json().revalidationJobId, undefined);

        // A vulnerability re-scan: whoever may write vulnerabilities asks for it; the scan record is replaced.
        assert.equal((await store.getReleaseScan(release.id))?.reason, 'import', 'the import job scanned its release');
        assert.equal(
          (await api.app.inject({ method: 'POST', url: '/api/jobs/rescan', headers: legal, payload: {} })).statusCode,
          403,
        );
        const rescan = await api.app.inject({
          method: 'POST',
          url: '/api/jobs/rescan',
          headers: pm,
          payload: { releaseIds: [release.id] },
        });
        assert.equal(rescan.statusCode, 202, rescan.body);
        assert.equal(rescan.json().kind, 'rescan');
        await services.runWorker(store, { once: true });
        const rescanned = (
          await api.app.inject({
            method: 'GET',
            url: `/api/jobs/${rescan.json().id}`,
            headers: bearer(api.tokens.guest),
          })
        ).json();
        assert.deepEqual([rescanned.state, rescanned.result], ['succeeded', { releases: 1, findings: 0 }]);
        assert.equal((await store.getReleaseScan(release.id))?.reason, 'on demand');

        const list = await api.app.inject({
          method: 'GET',
          url: `/api/jobs?releaseId=${release.id}`,
          headers: bearer(api.tokens.guest),
        });
        assert.deepEqual(
          (list.json() as { id: number }[]).map((j) => j.id),
          [rescan.json().id, bad.json().id, job.id],
        );
        assert.equal(list.headers['x-total-count'], '3');
      } finally {
        await api.close();
      }
    },
  );
}

test(
  'a knowledge-base import with ?background=true records its re-validation job in the same transaction [sqlite]',
  needsCorpora,
  async () => {
    const api = await startApi(targets()[0]);
    try {
      const store = api.fresh.store;
      const product = await services.createProduct(store, { name: 'Portal' });
      const release = await services.createRelease(store, { productId: product.id, number: '1.0.0' });
      await services.importDocument(store, release.id, { content: SBOM, fileName: 'bom.json' });
      const shared = readFileSync(corpus('hermine-community-data', 'shared.json'));
      const headers = { ...bearer(api.tokens.legal), 'content-type': 'application/json' };

      const res = await api.app.inject({
        method: 'POST',
        url: '/api/knowledge-base/import?mode=merge&background=true',
        headers,
        payload: shared,
      });
      assert.equal(res.statusCode, 200, res.body);
      const jobId = res.json().revalidationJobId as number;
      assert.ok(Number.isInteger(jobId));
      // Answered before validating: the release's newest run is still the import's.
      assert.equal((await store.latestValidationRun(release.id))?.reason, 'import');
      const job = await services.getJob(store, jobId);
      assert.deepEqual([job.kind, job.state, job.params.reason], ['revalidate', 'queued', 'knowledge-base']);
      await services.runWorker(store, { once: true });
      assert.equal((await services.getJob(store, jobId)).state, 'succeeded');
      assert.equal((await store.latestValidationRun(release.id))?.reason, 'knowledge-base');

      // Without it, the releases are validated before the answer, and no job is recorded.
      const inline = await api.app.inject({
        method: 'POST',
        url: '/api/knowledge-base/import?mode=merge',
        headers,
        payload: shared,
      });
      assert.equal(inline.statusCode, 200);
      assert.equal(inline.json().revalidationJobId, undefined);
      assert.equal((await store.listJobs()).length, 1);
    } finally {
      await api.close();
    }
  },
);
