import assert from 'node:assert/strict';
import type { ContractCase } from '../support/contract.js';
import type { DecisionScope } from '../../../src/model/decision.js';
import { productWithRelease } from '../support/fixtures.js';

const ANY: DecisionScope = {
  categoryId: null,
  productId: null,
  releaseId: null,
  scope: null,
  project: null,
  exploitation: null,
  component: null,
  version: null,
};

export const decisionCases: Record<string, ContractCase> = {
  async 'every decision kind round-trips with author, time and explanation'(store) {
    const release = await productWithRelease(store);
    const curation = await store.createDecision({
      type: 'curation',
      kind: 'and-confirmation',
      component: 'pkg:npm/xmldom',
      version: null,
      fromExpression: 'MIT AND LGPL-2.0-or-later',
      toExpression: 'MIT OR LGPL-2.0-or-later',
      author: 'legal@acme',
      explanation: 'the README offers a choice',
      createdAt: '2026-01-02T03:04:05.000Z',
    });
    assert.deepEqual(curation, {
      id: curation.id,
      type: 'curation',
      kind: 'and-confirmation',
      component: 'pkg:npm/xmldom',
      version: null,
      fromExpression: 'MIT AND LGPL-2.0-or-later',
      toExpression: 'MIT OR LGPL-2.0-or-later',
      author: 'legal@acme',
      explanation: 'the README offers a choice',
      createdAt: '2026-01-02T03:04:05.000Z',
    });
    const choice = await store.createDecision({
      ...ANY,
      type: 'choice',
      productId: release.productId,
      exploitation: 'distribution',
      fromExpression: 'MIT OR GPL-2.0-only',
      toExpression: 'MIT',
      author: 'pm',
      explanation: 'permissive',
    });
    assert.equal(choice.type, 'choice');
    assert.ok(!Number.isNaN(Date.parse(choice.createdAt)));
    const derogation = await store.createDecision({
      ...ANY,
      type: 'derogation',
      releaseId: release.id,
      license: 'GPL-3.0-only',
      linking: 'aggregation',
      modification: 'unmodified',
      scope: 'devDependencies',
      author: 'legal',
      explanation: 'build tool only',
    });
    assert.deepEqual(await store.getDecision(derogation.id), derogation);
    assert.equal(derogation.type === 'derogation' && derogation.modification, 'unmodified');
    assert.deepEqual(
      (await store.listDecisions({ type: 'choice' })).map((d) => d.id),
      [choice.id],
    );
    assert.deepEqual(
      (await store.listDecisions({ releaseId: release.id })).map((d) => d.id),
      [derogation.id],
    );
    assert.deepEqual(
      (await store.listDecisions({ component: 'pkg:npm/xmldom' })).map((d) => d.id),
      [curation.id],
    );
    assert.equal(await store.deleteDecision(choice.id), true);
    assert.equal((await store.listDecisions()).length, 2);
  },

  async 'policy settings start at their defaults and keep who changed them and when'(store) {
    assert.deepEqual(await store.getPolicySettings(), { acceptNormaliser: 'off', updatedBy: null, updatedAt: null });
    await store.setPolicySettings({ acceptNormaliser: 'high' }, 'legal@acme', '2026-02-01T00:00:00.000Z');
    await store.setPolicySettings({ acceptNormaliser: 'exact' }, 'cso@acme', '2026-03-01T00:00:00.000Z');
    assert.deepEqual(await store.getPolicySettings(), {
      acceptNormaliser: 'exact',
      updatedBy: 'cso@acme',
      updatedAt: '2026-03-01T00:00:00.000Z',
    });
  },

  async 'release data carries only decisions whose category, product and release scope can apply'(store) {
    const cat = await store.createCategory({ name: 'Web', description: null, outboundLicenses: [] });
    const other = await store.createCategory({ name: 'Embedded', description: null, outboundLicenses: [] });
    const product = await store.createProduct({
      name: 'P',
      description: null,
      owner: null,
      categoryIds: [cat.id],
      outboundLicenses: [],
    });
    const release = await store.createRelease({ productId: product.id, number: '1' });
    const otherRelease = await store.createRelease({ productId: product.id, number: '2' });
    const otherProduct = await store.createProduct({
      name: 'Q',
      description: null,
      owner: null,
      categoryIds: [],
      outboundLicenses: [],
    });
    const base = { type: 'derogation' as const, license: 'GPL-2.0-only', linking: null, author: 'a', explanation: '' };
    const everywhere = await store.createDecision({ ...ANY, ...base });
    const forCategory = await store.createDecision({ ...ANY, ...base, categoryId: cat.id });
    const forProduct = await store.createDecision({ ...ANY, ...base, productId: product.id });
    const forRelease = await store.createDecision({ ...ANY, ...base, productId: product.id, releaseId: release.id });
    await store.createDecision({ ...ANY, ...base, categoryId: other.id });
    await store.createDecision({ ...ANY, ...base, productId: otherProduct.id });
    await store.createDecision({ ...ANY, ...base, releaseId: otherRelease.id });
    const data = await store.loadReleaseData(release.id);
    assert.deepEqual(
      data?.decisions.map((d) => d.id),
      [everywhere.id, forCategory.id, forProduct.id, forRelease.id],
    );
    assert.deepEqual(
      data?.categories.map((c) => c.name),
      ['Web'],
    );
    assert.equal(await store.loadReleaseData(9999), null);
  },
};
