// The same product, release and category created at once through two stores on one PostgreSQL schema
// (two API processes, issue 13 item 4): one is created, the other hears "already exists" (409 in the
// API), never the database's unique-key error (a 500). Both passed the "does it exist?" check before
// either wrote, so without the translation most rounds ended with a raw 23505.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as services from '../../src/services/index.js';
import { openStore } from '../../src/store/index.js';
import { postgresTarget } from './support/databases.js';

const ROUNDS = 8;

const target = postgresTarget();

function outcomes(settled: PromiseSettledResult<unknown>[]): string[] {
  return settled
    .map((s) =>
      s.status === 'fulfilled'
        ? 'created'
        : services.isServiceError(s.reason)
          ? s.reason.code
          : `other: ${String(s.reason)}`,
    )
    .sort();
}

test(
  'racing creates of one name through two stores: one created, one already-exists [postgres]',
  { skip: target.unavailable },
  async () => {
    const fresh = await target.fresh();
    const second = await openStore(fresh.options);
    try {
      const stores = [fresh.store, second];
      for (let round = 0; round < ROUNDS; round++) {
        const products = await Promise.allSettled(
          stores.map((s) => services.createProduct(s, { name: `Racing ${round}` })),
        );
        assert.deepEqual(outcomes(products), ['already-exists', 'created'], `round ${round + 1}: products`);
        const product = (products.find((p) => p.status === 'fulfilled') as PromiseFulfilledResult<{ id: number }>)
          .value;
        const releases = await Promise.allSettled(
          stores.map((s) => services.createRelease(s, { productId: product.id, number: '1.0' })),
        );
        assert.deepEqual(outcomes(releases), ['already-exists', 'created'], `round ${round + 1}: releases`);
        const categories = await Promise.allSettled(
          stores.map((s) => services.createCategory(s, { name: `Racing ${round}` })),
        );
        assert.deepEqual(outcomes(categories), ['already-exists', 'created'], `round ${round + 1}: categories`);
      }
    } finally {
      await second.close();
      await fresh.dispose();
    }
  },
);
