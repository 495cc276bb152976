import assert from 'node:assert/strict';
import type { ContractCase } from '../support/contract.js';
import { npmComponent, productWithRelease, usageOf, versionOf } from '../support/fixtures.js';

// Values that array literals and JSON parameters must carry unchanged.
const AWKWARD = ['a "quoted" name', 'comma, {brace} and \\backslash', 'NULL', '', 'ünïcødé ✓ 𝔘', "it's", 'line\nbreak'];

export const bulkWriteCases: Record<string, ContractCase> = {
  async 'bulk upserts carry quotes, braces, backslashes, NULL-like text, unicode and nulls unchanged'(store) {
    const inputs = AWKWARD.map((text, i) =>
      npmComponent(`awkward-${i}`, { description: text, homepage: i % 2 ? null : text, namespace: i % 3 ? text : null }),
    );
    const { records, created } = await store.upsertComponents(inputs, 'fill-missing');
    assert.equal(created, AWKWARD.length);
    for (const [i, text] of AWKWARD.entries()) {
      const stored = await store.getComponent(records[i].id);
      assert.deepEqual([stored?.description, stored?.homepage, stored?.namespace], [text, i % 2 ? null : text, i % 3 ? text : null]);
    }
    const versions = await store.upsertVersions(
      AWKWARD.map((text, i) => versionOf(records[i].id, text === '' ? '0' : text, { copyright: text, declaredLicense: null })),
      'fill-missing',
    );
    assert.equal(versions.created, AWKWARD.length);
    assert.deepEqual(
      (await Promise.all(versions.records.map((v) => store.getVersion(v.id)))).map((v) => v?.copyright),
      AWKWARD,
    );
  },

  async 'bulk usage inserts outside a transaction: fail on a duplicate, skip it when asked, count what was written'(store) {
    const release = await productWithRelease(store);
    const { records } = await store.upsertComponents([npmComponent('x'), npmComponent('y')], 'fill-missing');
    const { records: versions } = await store.upsertVersions(records.map((c) => versionOf(c.id, '1.0.0')), 'fill-missing');
    const usages = versions.map((v) => usageOf(release.id, v.id, { modified: true, scope: AWKWARD[1] }));
    assert.equal(await store.insertUsages(usages), 2);
    await assert.rejects(store.insertUsages(usages.slice(0, 1)));
    assert.equal(await store.insertUsages([...usages, usageOf(release.id, versions[0].id, { project: AWKWARD[0] })], 'ignore'), 1);
    const stored = await store.listUsages(release.id);
    assert.equal(stored.length, 3);
    assert.deepEqual(stored.map((u) => [u.scope, u.modified]).slice(0, 2), [[AWKWARD[1], true], [AWKWARD[1], true]]);
  },

  async 'a failed bulk write inside a transaction leaves nothing behind'(store) {
    const release = await productWithRelease(store);
    await assert.rejects(
      store.transaction(async (tx) => {
        const { records } = await tx.upsertComponents([npmComponent('rolled-back')], 'fill-missing');
        const { records: versions } = await tx.upsertVersions([versionOf(records[0].id, '1.0.0')], 'fill-missing');
        await tx.insertUsages([usageOf(release.id, versions[0].id), usageOf(release.id, versions[0].id)]);
      }),
    );
    assert.equal(await store.findComponent('pkg:npm/rolled-back'), null);
    assert.deepEqual(await store.listUsages(release.id), []);
  },
};
