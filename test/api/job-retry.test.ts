// Retrying a job (ADR 53), on both dialects: a failed or cancelled job runs again as a new job with the
// same kind, release and params; a queued, running or succeeded one is a 409, and so is an import
// (its document is gone once the job ends). Who may cancel may retry, if they may also start that kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as services from '../../src/services/index.js';
import { run } from '../../src/cli/main.js';
import { targets } from '../store/support/databases.js';
import { bearer, startApi } from './support.js';

const SBOM = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [{ type: 'library', name: 'a', version: '1.0.0', purl: 'pkg:npm/a@1.0.0' }],
});

interface JobBody {
  id: number;
  kind: string;
  state: string;
  releaseId: number | null;
  params: Record<string, unknown>;
  createdBy: string | null;
}

for (const target of targets()) {
  test(
    `a failed or cancelled job is retried as a new job; others are refused [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const api = await startApi(target, { logger: false });
      try {
        const store = api.fresh.store;
        const product = await services.createProduct(store, { name: 'Retried' });
        const release = await services.createRelease(store, { productId: product.id, number: '1' });
        const co = { ...bearer(api.tokens['compliance-officer']), 'content-type': 'application/json' };
        const post = (url: string, role: keyof typeof api.tokens, payload?: unknown) =>
          api.app.inject({
            method: 'POST',
            url,
            headers: { ...bearer(api.tokens[role]), 'content-type': 'application/json' },
            payload: payload === undefined ? {} : JSON.stringify(payload),
          });

        // A cancelled re-validation of one release.
        const started = await api.app.inject({
          method: 'POST',
          url: '/api/jobs/revalidation',
          headers: co,
          payload: { releaseIds: [release.id] },
        });
        assert.equal(started.statusCode, 202, started.body);
        const original = started.json() as JobBody;
        assert.equal((await post(`/api/jobs/${original.id}/retry`, 'compliance-officer')).statusCode, 409, 'queued');
        assert.equal((await post(`/api/jobs/${original.id}/cancel`, 'compliance-officer')).json().state, 'cancelled');

        // Roles: a guest and legal may not cancel, so may not retry; a project manager may cancel but
        // may not start a re-validation (licenses:write), so may not restart one either.
        for (const role of ['guest', 'legal', 'project-manager'] as const) {
          const refused = await post(`/api/jobs/${original.id}/retry`, role);
          assert.equal(refused.statusCode, 403, `${role}: ${refused.body}`);
          assert.equal(refused.json().error.code, 'forbidden');
        }
        assert.equal((await services.listJobs(store)).length, 1, 'a refused retry queues nothing');

        const retried = await post(`/api/jobs/${original.id}/retry`, 'compliance-officer');
        assert.equal(retried.statusCode, 202, retried.body);
        const again = retried.json() as JobBody;
        assert.notEqual(again.id, original.id);
        assert.equal(retried.headers.location, `/api/jobs/${again.id}`);
        assert.deepEqual(
          [again.kind, again.state, again.releaseId, again.params],
          ['revalidate', 'queued', release.id, { ...original.params, retryOf: original.id }],
        );
        assert.equal(again.createdBy, 'compliance-officer token');
        assert.equal((await services.getJob(store, original.id)).state, 'cancelled', 'the ended job is left as it was');

        // The retry runs like any job; once it succeeded it cannot be retried.
        const runsBefore = (await services.listValidationRuns(store, release.id)).length;
        assert.equal(await services.runWorker(store, { once: true }), 1);
        assert.equal((await services.getJob(store, again.id)).state, 'succeeded');
        assert.equal((await services.listValidationRuns(store, release.id)).length, runsBefore + 1);
        const done = await post(`/api/jobs/${again.id}/retry`, 'compliance-officer');
        assert.equal(done.statusCode, 409);
        assert.equal(done.json().error.code, 'conflict');
        assert.match(done.json().error.message, /is succeeded: only a failed or cancelled job can be retried/);

        // A failed re-scan: a project manager may start re-scans, so may retry one.
        const rescan = await services.enqueueRescan(store, { releaseIds: [release.id], author: 'pm' });
        const claimed = await store.claimJob({ owner: 'test', leaseMs: 60_000, now: new Date().toISOString() });
        assert.equal(claimed?.id, rescan.id);
        assert.ok(await store.finishJob(rescan.id, 'test', { error: { code: 'internal', message: 'boom' } }));
        const pmRetry = await post(`/api/jobs/${rescan.id}/retry`, 'project-manager');
        assert.equal(pmRetry.statusCode, 202, pmRetry.body);
        assert.equal((pmRetry.json() as JobBody).kind, 'rescan');

        // An import cannot be retried: its document was dropped when the job ended.
        const upload = await api.app.inject({
          method: 'POST',
          url: `/api/releases/${release.id}/imports?fileName=bom.json&background=true`,
          headers: co,
          payload: SBOM,
        });
        assert.equal(upload.statusCode, 202, upload.body);
        const importJob = upload.json() as JobBody;
        await post(`/api/jobs/${importJob.id}/cancel`, 'compliance-officer');
        const importRetry = await post(`/api/jobs/${importJob.id}/retry`, 'compliance-officer');
        assert.equal(importRetry.statusCode, 409);
        assert.match(importRetry.json().error.message, /send the document again/);

        // A job whose release was deleted meanwhile: 404, no job queued.
        const other = await services.createRelease(store, { productId: product.id, number: '2' });
        const orphan = await services.enqueueRevalidation(store, { releaseIds: [other.id] });
        await services.cancelJob(store, orphan.id, null);
        await services.deleteRelease(store, other.id);
        const count = (await services.listJobs(store)).length;
        const gone = await post(`/api/jobs/${orphan.id}/retry`, 'compliance-officer');
        assert.equal(gone.statusCode, 404, gone.body);
        assert.equal((await services.listJobs(store)).length, count);
        assert.equal((await post('/api/jobs/999999/retry', 'compliance-officer')).statusCode, 404);

        // The CLI: `vigie job retry <id>` on the same store.
        const cancelledAgain = await services.enqueueRevalidation(store, { releaseIds: [release.id] });
        await services.cancelJob(store, cancelledAgain.id, null);
        const out: string[] = [];
        const err: string[] = [];
        const io = {
          stdout: (t: string) => void out.push(t),
          stderr: (t: string) => void err.push(t),
          cwd: process.cwd(),
        };
        const dbArgs =
          'sqlitePath' in api.fresh.options && api.fresh.options.sqlitePath
            ? ['--db', api.fresh.options.sqlitePath]
            : null;
        if (dbArgs) {
          const code = await run(
            ['job', 'retry', String(cancelledAgain.id), '--author', 'ops', '--json', ...dbArgs],
            io,
          );
          assert.equal(code, 0, err.join(''));
          const cliJob = JSON.parse(out.join('')) as JobBody;
          assert.deepEqual(
            [cliJob.state, cliJob.createdBy, cliJob.params.retryOf],
            ['queued', 'ops', cancelledAgain.id],
          );
          out.length = 0;
          const refusedCode = await run(['job', 'retry', String(cliJob.id), ...dbArgs], io);
          assert.notEqual(refusedCode, 0);
          assert.match(err.join(''), /only a failed or cancelled job can be retried/);
        }
      } finally {
        await api.close();
      }
    },
  );
}

for (const target of targets()) {
  test(
    `a job is retried once: retries sent at the same moment make one new job (ADR 57) [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const api = await startApi(target, { logger: false });
      try {
        const store = api.fresh.store;
        const product = await services.createProduct(store, { name: 'Raced' });
        const release = await services.createRelease(store, { productId: product.id, number: '1' });
        const original = await services.enqueueRevalidation(store, { releaseIds: [release.id] });
        await services.cancelJob(store, original.id, null);
        const retry = (id: number) =>
          api.app.inject({
            method: 'POST',
            url: `/api/jobs/${id}/retry`,
            headers: { ...bearer(api.tokens['compliance-officer']), 'content-type': 'application/json' },
            payload: '{}',
          });

        const answers = await Promise.all([1, 2, 3, 4, 5, 6].map(() => retry(original.id)));
        const created = answers.filter((a) => a.statusCode === 202);
        assert.equal(created.length, 1, answers.map((a) => `${a.statusCode} ${a.body}`).join('\n'));
        const winner = created[0]!.json() as JobBody;
        for (const refused of answers.filter((a) => a.statusCode !== 202)) {
          assert.equal(refused.statusCode, 409, refused.body);
          assert.equal(
            refused.json().error.message,
            `job ${original.id} was already retried as job ${winner.id} (queued)`,
          );
        }
        assert.equal((await services.listJobs(store)).length, 2, 'one job and its one retry');

        // The retry failed too: the original points to it, and the retry is what gets retried.
        await services.cancelJob(store, winner.id, null);
        const again = await retry(original.id);
        assert.equal(again.statusCode, 409);
        assert.match(
          again.json().error.message,
          new RegExp(`retried as job ${winner.id} \\(cancelled\\); retry job ${winner.id} instead`),
        );
        const second = await retry(winner.id);
        assert.equal(second.statusCode, 202, second.body);
        assert.equal((second.json() as JobBody).params.retryOf, winner.id);
      } finally {
        await api.close();
      }
    },
  );
}
