import assert from 'node:assert/strict';
import { openStore } from '../../../src/store/index.js';
import type { ContractCase } from '../support/contract.js';
import { productWithRelease } from '../support/fixtures.js';

export const schemaCases: Record<string, ContractCase> = {
  async 'migrates from scratch and reopening migrates nothing twice'(store, fresh) {
    const release = await productWithRelease(store);
    const again = await openStore(fresh.options);
    try {
      assert.equal((await again.getRelease(release.id))?.number, '1.0.0');
      assert.equal((await again.listProducts()).length, 1);
    } finally {
      await again.close();
    }
  },

  async 'every table of the brief exists and starts empty'(store) {
    assert.deepEqual(await store.listCategories(), []);
    assert.deepEqual(await store.listProducts(), []);
    assert.deepEqual(await store.listReleases(), []);
    assert.deepEqual(await store.listComponents(), []);
    assert.deepEqual(await store.listDecisions(), []);
    assert.deepEqual(await store.listPolicies(), []);
    assert.deepEqual(await store.listApiTokens(), []);
    assert.deepEqual(await store.listRecentReleaseViews(), []);
    assert.deepEqual(await store.loadKnowledgeBase(), { licenses: [], obligations: [], actions: [] });
  },
};
