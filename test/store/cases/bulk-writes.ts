import assert from 'node:assert/strict';
import type { ContractCase } from '../support/contract.js';
import { npmComponent, productWithRelease, usageOf, versionOf } from '../support/fixtures.js';

// Values that array literals and JSON parameters must carry unchanged.
const AWKWARD = ['a "quoted" name', 'comma, {brace} and \\backslash', 'NULL', '', 'ünïcødé ✓ 𝔘', "it's", 'line\nbreak'];

export const bulkWriteCases: Record<string, ContractCase> = {
  async 'bulk upserts carry quotes, braces, backslashes, NULL-like text, unicode and nulls unchanged'(store) {
    const inputs = AWKWARD.map((text, i) =>
      npmComponent(`awkward-${i}`, {
        description: text,
        homepage: i % 2 ? null : text,
        namespace: i % 3 ? text : null,
      }),
    );
    const { records, created } = await store.upsertComponents(inputs, 'fill-missing');
    assert.equal(created, AWKWARD.length);
    for (const [i, text] of AWKWARD.entries()) {
      const stored = await store.getComponent(records[i].id);
      assert.deepEqual(
        [stored?.description, stored?.homepage, stored?.namespace],
        [text, i % 2 ? null : text, i % 3 ? text : null],
      );
    }
    const versions = await store.upsertVersions(
      AWKWARD.map((text, i) =>
        versionOf(records[i].id, text === '' ? '0' : text, { copyright: text, declaredLicense: null }),
      ),
      'fill-missing',
    );
    assert.equal(versions.created, AWKWARD.length);
    assert.deepEqual(
      (await Promise.all(versions.records.map((v) => store.getVersion(v.id)))).map((v) => v?.copyright),
      AWKWARD,
    );
  },

  async 'bulk usage inserts outside a transaction: fail on a duplicate, skip it when asked, count what was written'(
    store,
  ) {
    const release = await productWithRelease(store);
    const { records } = await store.upsertComponents([npmComponent('x'), npmComponent('y')], 'fill-missing');
    const { records: versions } = await store.upsertVersions(
      records.map((c) => versionOf(c.id, '1.0.0')),
      'fill-missing',
    );
    const usages = versions.map((v) => usageOf(release.id, v.id, { modified: true, scope: AWKWARD[1] }));
    assert.equal(await store.insertUsages(usages), 2);
    await assert.rejects(store.insertUsages(usages.slice(0, 1)));
    assert.equal(
      await store.insertUsages([...usages, usageOf(release.id, versions[0].id, { project: AWKWARD[0] })], 'ignore'),
      1,
    );
    const stored = await store.listUsages(release.id);
    assert.equal(stored.length, 3);
    assert.deepEqual(stored.map((u) => [u.scope, u.modified]).slice(0, 2), [
      [AWKWARD[1], true],
      [AWKWARD[1], true],
    ]);
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

  async 'bulk upserts give back exactly the rows a read gives, for new and for existing rows (ADR 28: ids come back with the insert)'(
    store,
  ) {
    const inputs = Array.from({ length: 450 }, (_, i) =>
      npmComponent(`returned-${i}`, {
        description: AWKWARD[i % AWKWARD.length],
        homepage: i % 2 ? null : `https://h/${i}`,
        namespace: i % 3 ? null : '@ns',
      }),
    );
    const first = await store.upsertComponents(inputs.slice(0, 100), 'fill-missing');
    const both = await store.upsertComponents(inputs, 'fill-missing');
    assert.equal(both.created, 350);
    assert.deepEqual(both.records.slice(0, 100), first.records);
    assert.deepEqual(both.records, await Promise.all(both.records.map((r) => store.getComponent(r.id))));
    const versions = await store.upsertVersions(
      both.records.map((c, i) =>
        versionOf(c.id, `1.${i}.0`, {
          copyright: i % 4 ? null : AWKWARD[i % AWKWARD.length],
          concludedLicense: i % 5 ? null : 'MIT',
        }),
      ),
      'fill-missing',
    );
    assert.equal(versions.created, 450);
    assert.deepEqual(versions.records, await Promise.all(versions.records.map((v) => store.getVersion(v.id))));
  },

  async 'usages written with insertUsagesReturning are the rows stored, ordered by id; skipped ones are not returned'(
    store,
  ) {
    const release = await productWithRelease(store);
    const { records } = await store.upsertComponents(
      Array.from({ length: 500 }, (_, i) => npmComponent(`u-${i}`)),
      'fill-missing',
    );
    const { records: versions } = await store.upsertVersions(
      records.map((c) => versionOf(c.id, '1.0.0')),
      'fill-missing',
    );
    const usages = versions.map((v, i) =>
      usageOf(release.id, v.id, {
        scope: AWKWARD[i % AWKWARD.length],
        modified: i % 3 === 0 ? null : i % 2 === 0,
        chosenLicense: i % 7 ? null : 'MIT',
        status: 'auto',
      }),
    );
    const written = await store.insertUsagesReturning(usages.slice(0, 300));
    assert.deepEqual(written, await store.listUsages(release.id));
    await assert.rejects(store.insertUsagesReturning(usages.slice(0, 1)));
    const more = await store.insertUsagesReturning(usages, 'ignore');
    assert.equal(more.length, 200);
    assert.deepEqual([...written, ...more], await store.listUsages(release.id));
    assert.deepEqual(await store.insertUsagesReturning([]), []);
  },

  async 'ids given by bulk inserts are never reused: usages written after the release ones were deleted get new ones'(
    store,
  ) {
    const release = await productWithRelease(store);
    const { records } = await store.upsertComponents(
      Array.from({ length: 40 }, (_, i) => npmComponent(`reuse-${i}`)),
      'fill-missing',
    );
    const { records: versions } = await store.upsertVersions(
      records.map((c) => versionOf(c.id, '1.0.0')),
      'fill-missing',
    );
    const usages = versions.map((v) => usageOf(release.id, v.id));
    const first = await store.insertUsagesReturning(usages);
    assert.equal(await store.deleteUsagesOfRelease(release.id), 40);
    const again = await store.insertUsagesReturning(usages);
    assert.equal(again.length, 40);
    assert.ok(again[0]!.id > first.at(-1)!.id, 'a deleted usage id is not given again');
    assert.deepEqual(again, await store.listUsages(release.id));
    // A usage added one at a time afterwards takes the next id after them.
    const { records: more } = await store.upsertVersions([versionOf(records[0]!.id, '2.0.0')], 'fill-missing');
    assert.equal(await store.insertUsages([usageOf(release.id, more[0]!.id)]), 1);
    assert.ok((await store.listUsages(release.id)).at(-1)!.id > again.at(-1)!.id);
  },

  async 'loadReleaseContext is loadReleaseData without the inventory'(store) {
    const release = await productWithRelease(store);
    const { records } = await store.upsertComponents([npmComponent('ctx')], 'fill-missing');
    const { records: versions } = await store.upsertVersions([versionOf(records[0].id, '1.0.0')], 'fill-missing');
    await store.insertUsages([usageOf(release.id, versions[0].id)]);
    await store.createExploitationRule({
      releaseId: release.id,
      scope: null,
      project: null,
      exploitation: 'distribution',
    });
    const { usages, versions: v, components, ...context } = (await store.loadReleaseData(release.id))!;
    assert.equal(usages.length, 1);
    assert.deepEqual([v.length, components.length], [1, 1]);
    assert.deepEqual(await store.loadReleaseContext(release.id), context);
    assert.equal(await store.loadReleaseContext(release.id + 1000), null);
  },
};
