// Cancelling a job (issue 13 item 4: cancel semantics), on both dialects. A queued job is cancelled
// at once and no worker runs it; a running job is cancelled while it has committed nothing, after
// which every write its worker tries (heartbeat, checkpoint in its transaction, finish) is refused,
// so its transaction rolls back; a job that has committed part of its work is not cancelled (409):
// a cancelled job never leaves half its work behind unexplained.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as services from '../../src/services/index.js';
import { targets } from '../store/support/databases.js';
import { bearer, startApi } from './support.js';

const SBOM = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: ['a', 'b'].map((n) => ({
    type: 'library',
    name: n,
    version: '1.0.0',
    purl: `pkg:npm/${n}@1.0.0`,
    licenses: [{ license: { id: 'MIT' } }],
  })),
});

for (const target of targets()) {
  test(
    `a job is cancelled only while it has committed nothing [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const api = await startApi(target);
      try {
        const store = api.fresh.store;
        const product = await services.createProduct(store, { name: 'Cancellable' });
        const release = await services.createRelease(store, { productId: product.id, number: '1' });
        const pm = { ...bearer(api.tokens['project-manager']), 'content-type': 'application/json' };
        const enqueue = async () => {
          const res = await api.app.inject({
            method: 'POST',
            url: `/api/releases/${release.id}/imports?background=true`,
            headers: pm,
            payload: SBOM,
          });
          assert.equal(res.statusCode, 202, res.body);
          return (res.json() as { id: number }).id;
        };
        const cancel = (id: number, headers: Record<string, string> = bearer(api.tokens['project-manager'])) =>
          api.app.inject({ method: 'POST', url: `/api/jobs/${id}/cancel`, headers });

        // Queued: a guest may not; the project manager may; no worker runs it afterwards.
        const queued = await enqueue();
        assert.equal((await cancel(queued, bearer(api.tokens.guest))).statusCode, 403);
        const cancelled = await cancel(queued);
        assert.equal(cancelled.statusCode, 200, cancelled.body);
        assert.equal(cancelled.json().state, 'cancelled');
        assert.deepEqual(cancelled.json().error, { code: 'cancelled', message: 'cancelled by project-manager token' });
        assert.equal(await services.runWorker(store, { once: true, owner: 'w0' }), 0, 'no worker runs it');
        assert.equal((await store.listUsages(release.id)).length, 0);
        const again = await cancel(queued);
        assert.equal(again.statusCode, 409, again.body);
        assert.match(again.json().error.message, /has already ended \(cancelled\)/);

        // Running, nothing committed yet: cancelled; the worker's next writes are all refused.
        const running = await enqueue();
        const claimed = await store.claimJob({ owner: 'w1', leaseMs: 60_000, now: new Date().toISOString() });
        assert.equal(claimed?.id, running);
        assert.equal((await cancel(running)).json().state, 'cancelled');
        assert.equal(await store.touchJob(running, 'w1', new Date(Date.now() + 60_000).toISOString()), false);
        const rolledBack = await store
          .transaction(async (tx) => {
            await tx.createExploitationRule({
              releaseId: release.id,
              scope: null,
              project: null,
              exploitation: 'network',
            });
            if (!(await tx.checkpointJob(running, 'w1', { imported: true }))) throw new Error('lease lost');
          })
          .then(
            () => false,
            () => true,
          );
        assert.ok(rolledBack, "the worker's checkpoint is refused, so its transaction rolls back");
        assert.deepEqual(await store.listExploitationRules(release.id), []);
        assert.equal(await store.finishJob(running, 'w1', { result: {} }), false);
        assert.equal((await services.getJob(store, running)).state, 'cancelled');

        // Running with part of its work committed: not cancelled, it runs to its end.
        const committed = await enqueue();
        await store.claimJob({ owner: 'w2', leaseMs: 60_000, now: new Date().toISOString() });
        assert.ok(await store.checkpointJob(committed, 'w2', { imported: true }));
        const refused = await cancel(committed);
        assert.equal(refused.statusCode, 409, refused.body);
        assert.match(refused.json().error.message, /already committed part of its work/);
        assert.equal((await services.getJob(store, committed)).state, 'running');
        assert.ok(await store.finishJob(committed, 'w2', { result: {} }));
        assert.equal((await cancel(999_999)).statusCode, 404);
      } finally {
        await api.close();
      }
    },
  );
}
