import assert from 'node:assert/strict';
import type { ContractCase } from '../support/contract.js';
import { productWithRelease, useComponent } from '../support/fixtures.js';

export const dependencyGraphCases: Record<string, ContractCase> = {
  async 'dependency edges: stored per release, parent null for the primary component, deleted with the release'(store) {
    const release = await productWithRelease(store);
    const other = await store.createRelease({ productId: release.productId, number: '2.0.0' });
    const {
      versions: [a],
    } = await useComponent(store, release.id, 'a', ['1.0.0']);
    const {
      versions: [b],
    } = await useComponent(store, release.id, 'b', ['1.0.0']);
    assert.equal(
      await store.insertDependencyEdges([
        { releaseId: release.id, project: '', parentVersionId: null, childVersionId: a.id },
        { releaseId: release.id, project: '', parentVersionId: a.id, childVersionId: b.id },
        { releaseId: other.id, project: 'web', parentVersionId: null, childVersionId: b.id },
      ]),
      3,
    );
    const edges = await store.listDependencyEdges(release.id);
    assert.deepEqual(
      edges.map((e) => [e.project, e.parentVersionId, e.childVersionId]).sort(),
      [
        ['', a.id, b.id],
        ['', null, a.id],
      ].sort(),
    );
    assert.equal(await store.deleteDependencyEdgesOfRelease(release.id), 2);
    assert.deepEqual(await store.listDependencyEdges(release.id), []);
    assert.equal(await store.deleteRelease(other.id), true);
    assert.deepEqual(await store.listDependencyEdges(other.id), []);
    assert.equal(await store.deleteRelease(other.id), false);
  },

  async 'dependency edges: deleted with their product (every release of it), not with another product'(store) {
    const release = await productWithRelease(store);
    const second = await store.createRelease({ productId: release.productId, number: '2.0.0' });
    const kept = await productWithRelease(store, 'Other Product');
    const {
      versions: [a],
    } = await useComponent(store, release.id, 'a', ['1.0.0']);
    const edge = (releaseId: number) => ({ releaseId, project: '', parentVersionId: null, childVersionId: a.id });
    assert.equal(await store.insertDependencyEdges([edge(release.id), edge(second.id), edge(kept.id)]), 3);
    // The product's usages go with it (cascade), so the version is free to be used elsewhere.
    assert.equal(await store.deleteProduct(release.productId), true);
    assert.deepEqual(await store.listDependencyEdges(release.id), []);
    assert.deepEqual(await store.listDependencyEdges(second.id), []);
    assert.equal((await store.listDependencyEdges(kept.id)).length, 1);
    assert.equal(await store.deleteProduct(release.productId), false);
  },

  async 'dependency edges: many rows in one call (chunked under the bound-parameter limits)'(store) {
    const release = await productWithRelease(store);
    const { versions } = await useComponent(
      store,
      release.id,
      'chain',
      Array.from({ length: 9000 }, (_, i) => `1.0.${i}`),
    );
    const edges = versions.map((v, i) => ({
      releaseId: release.id,
      project: '',
      parentVersionId: i === 0 ? null : versions[i - 1].id,
      childVersionId: v.id,
    }));
    assert.equal(await store.insertDependencyEdges(edges), 9000);
    assert.equal((await store.listDependencyEdges(release.id)).length, 9000);
  },
};
