import assert from 'node:assert/strict';
import type { ContractCase } from '../support/contract.js';
import { productWithRelease, useComponent } from '../support/fixtures.js';

export const portfolioCases: Record<string, ContractCase> = {
  async 'categories, products and releases round-trip with their licences and links'(store) {
    const web = await store.createCategory({
      name: 'Web',
      description: 'SaaS',
      outboundLicenses: ['LicenseRef-Proprietary'],
    });
    const lib = await store.createCategory({ name: 'Libraries', description: null, outboundLicenses: ['MIT'] });
    const product = await store.createProduct({
      name: 'Portal',
      description: 'customer portal',
      owner: 'team-a',
      categoryIds: [lib.id, web.id],
      outboundLicenses: ['Apache-2.0'],
    });
    assert.deepEqual(
      product.categoryIds,
      [web.id, lib.id].sort((a, b) => a - b),
    );
    const release = await store.createRelease({
      productId: product.id,
      number: '2.1',
      commit: 'abc123',
      outboundLicenses: ['MIT'],
    });
    assert.deepEqual(release, {
      id: release.id,
      productId: product.id,
      number: '2.1',
      shipStatus: 'in-development',
      commit: 'abc123',
      outboundLicenses: ['MIT'],
      validationStep: 0,
    });
    const updated = await store.updateRelease(release.id, { shipStatus: 'published', validationStep: 4 });
    assert.equal(updated?.shipStatus, 'published');
    assert.equal(updated?.validationStep, 4);
    assert.deepEqual((await store.updateProduct(product.id, { categoryIds: [web.id] }))?.categoryIds, [web.id]);
    assert.equal((await store.findRelease(product.id, '2.1'))?.id, release.id);
    assert.equal((await store.findProductByName('Portal'))?.owner, 'team-a');
    assert.equal((await store.findCategoryByName('Web'))?.description, 'SaaS');
    assert.equal((await store.updateCategory(web.id, { name: 'Online' }))?.name, 'Online');
  },

  async 'deleting a product removes its releases, usages and rules but keeps shared components'(store) {
    const release = await productWithRelease(store);
    const { component } = await useComponent(store, release.id, 'left-pad', ['1.3.0']);
    await store.createExploitationRule({
      releaseId: release.id,
      scope: null,
      project: null,
      exploitation: 'distribution',
    });
    assert.equal(await store.deleteProduct(release.productId), true);
    assert.equal(await store.getRelease(release.id), null);
    assert.deepEqual(await store.listUsages(release.id), []);
    assert.deepEqual(await store.listExploitationRules(release.id), []);
    assert.equal((await store.getComponent(component.id))?.name, 'left-pad');
    assert.equal(await store.deleteProduct(release.productId), false);
  },

  async 'unique constraints: product name, release number per product, category name'(store) {
    const release = await productWithRelease(store, 'Portal', '1.0');
    await assert.rejects(
      store.createProduct({ name: 'Portal', description: null, owner: null, categoryIds: [], outboundLicenses: [] }),
    );
    await assert.rejects(store.createRelease({ productId: release.productId, number: '1.0' }));
    await store.createRelease({ productId: release.productId, number: '1.1' });
    await store.createCategory({ name: 'Web', description: null, outboundLicenses: [] });
    await assert.rejects(store.createCategory({ name: 'Web', description: null, outboundLicenses: [] }));
  },

  async 'foreign keys are enforced'(store) {
    await assert.rejects(store.createRelease({ productId: 9999, number: '1' }));
    const release = await productWithRelease(store);
    await assert.rejects(
      store.insertUsages([
        {
          releaseId: release.id,
          versionId: 9999,
          scope: '',
          project: '',
          linking: null,
          modified: null,
          exploitation: null,
          chosenLicense: null,
          status: 'auto',
          addedBy: 'import',
        },
      ]),
    );
  },

  async 'exploitation rules CRUD'(store) {
    const release = await productWithRelease(store);
    const rule = await store.createExploitationRule({
      releaseId: release.id,
      scope: 'devDependencies',
      project: null,
      exploitation: 'internal',
    });
    assert.deepEqual(await store.listExploitationRules(release.id), [rule]);
    assert.equal((await store.updateExploitationRule(rule.id, { exploitation: 'network' }))?.exploitation, 'network');
    assert.equal(await store.deleteExploitationRule(rule.id), true);
    assert.deepEqual(await store.listExploitationRules(release.id), []);
  },
};
