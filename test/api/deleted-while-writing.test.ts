// A write that races with the deletion of its release (an import, a scan, an exploitation rule while
// someone deletes the product) fails on the store's foreign key. That is the release being gone, so
// the caller gets 404 not-found, not 500 internal (which both dialects answered). The foreign-key
// errors here are the real drivers' own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { targets } from '../store/support/databases.js';
import { toApiError } from '../../src/server/errors/to-api-error.js';
import { createProduct, createRelease } from '../../src/services/index.js';

for (const target of targets()) {
  test(
    `a write to a release deleted meanwhile is a 404 [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const fresh = await target.fresh();
      try {
        const store = fresh.store;
        const product = await createProduct(store, { name: 'Gone' });
        const release = await createRelease(store, { productId: product.id, number: '1.0' });
        assert.ok(await store.deleteProduct(product.id));
        const err = await store
          .createExploitationRule({ releaseId: release.id, scope: null, project: null, exploitation: 'network' })
          .then(
            () => assert.fail('the store accepted a rule for a deleted release'),
            (e: unknown) => e,
          );
        const answer = toApiError(err);
        assert.equal(answer.code, 'not-found');
        assert.equal(answer.status, 404);
        assert.match(answer.message, /deleted while it ran/);
        // Anything else a driver throws stays an internal error.
        assert.equal(toApiError(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' })).code, 'internal');
      } finally {
        await fresh.dispose();
      }
    },
  );
}
