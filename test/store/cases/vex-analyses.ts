import assert from 'node:assert/strict';
import type { ContractCase } from '../support/contract.js';
import type { NewTriageRecord } from '../../../src/store/index.js';
import { productWithRelease } from '../support/fixtures.js';

export const vexAnalysisCases: Record<string, ContractCase> = {
  async 'triage records: appended with their analysis, scope, author and origin; listed by component and product; gone with the release'(
    store,
  ) {
    const release = await productWithRelease(store);
    const other = await store.createProduct({
      name: 'other',
      description: null,
      owner: null,
      outboundLicenses: [],
      categoryIds: [],
    });
    const base: NewTriageRecord = {
      vulnerabilityId: 'CVE-2021-44228',
      aliases: ['GHSA-jfh8-c2jp-5v3q'],
      productId: release.productId,
      releaseId: release.id,
      component: 'pkg:maven/org.apache.logging.log4j/log4j-core',
      version: '2.14.1',
      analysis: {
        state: 'not_affected',
        justification: 'code_not_reachable',
        vexJustification: 'vulnerable_code_not_in_execute_path',
        responses: ['will_not_fix'],
        detail: 'JNDI lookups disabled',
        actionStatement: 'none',
      },
      author: 'alice',
      createdAt: '2026-12-03T09:00:00.000Z',
      origin: 'manual',
    };
    const [a, b, c] = await store.addTriageRecords([
      base,
      { ...base, releaseId: null, version: null, analysis: { state: 'in_triage', responses: [] }, author: 'bob' },
      { ...base, productId: other.id, releaseId: null, component: 'pkg:npm/x' },
    ]);
    assert.deepEqual({ ...a!, id: 0 }, { ...base, id: 0 });
    assert.ok(a!.id < b!.id && b!.id < c!.id);
    assert.deepEqual(
      (await store.listTriageRecords({ components: [base.component] })).map((r) => r.id),
      [a!.id, b!.id],
    );
    assert.deepEqual(
      (await store.listTriageRecords({ components: ['pkg:npm/x'], productId: release.productId })).map((r) => r.id),
      [],
    );
    assert.deepEqual(
      (await store.listTriageRecords({ components: ['pkg:npm/x'], productId: other.id })).map((r) => r.id),
      [c!.id],
    );
    assert.equal(await store.deleteRelease(release.id), true);
    assert.deepEqual(
      (await store.listTriageRecords({ components: [base.component] })).map((r) => r.author),
      ['bob'],
      'the product-wide analysis outlives the release',
    );
  },
};
