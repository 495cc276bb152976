import assert from 'node:assert/strict';
import type { ContractCase } from '../support/contract.js';
import { npmComponent, productWithRelease, usageOf, versionOf } from '../support/fixtures.js';

export const componentCases: Record<string, ContractCase> = {
  async 'components deduplicate by purl, else by name; a purl and a bare name stay apart'(store) {
    const a = await store.upsertComponent(npmComponent('lodash'), 'fill-missing');
    const b = await store.upsertComponent(npmComponent('lodash'), 'fill-missing');
    assert.equal(a.created, true);
    assert.equal(b.created, false);
    assert.equal(a.record.id, b.record.id);
    const bare1 = await store.upsertComponent(
      { ...npmComponent('lodash'), purl: null, purlType: null },
      'fill-missing',
    );
    const bare2 = await store.upsertComponent(
      { ...npmComponent('lodash'), purl: null, purlType: null },
      'fill-missing',
    );
    assert.notEqual(bare1.record.id, a.record.id);
    assert.equal(bare1.record.id, bare2.record.id);
    assert.equal((await store.findComponent('pkg:npm/lodash'))?.id, a.record.id);
    assert.equal((await store.findComponent('lodash'))?.id, bare1.record.id);
    assert.equal((await store.listComponents()).length, 2);
  },

  async 'bulk upsert keeps input order and maps duplicate inputs to one record'(store) {
    const inputs = ['a', 'b', 'a', 'c', 'b'].map((n) => npmComponent(n));
    const first = await store.upsertComponents(inputs, 'fill-missing');
    assert.equal(first.created, 3);
    assert.deepEqual(
      first.records.map((r) => r.name),
      ['a', 'b', 'a', 'c', 'b'],
    );
    assert.equal(first.records[0].id, first.records[2].id);
    const second = await store.upsertComponents([npmComponent('c'), npmComponent('d')], 'fill-missing');
    assert.equal(second.created, 1);
    assert.equal(second.records[0].id, first.records[3].id);
  },

  async 'concurrent upserts of the same components end with one row each'(store) {
    const names = Array.from({ length: 200 }, (_, i) => `pkg-${i}`);
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        store.upsertComponents(
          names.map((n) => npmComponent(n)),
          'fill-missing',
        ),
      ),
    );
    assert.equal((await store.listComponents()).length, 200);
    for (const r of results)
      assert.deepEqual(
        r.records.map((c) => c.id),
        results[0].records.map((c) => c.id),
      );
    const component = results[0].records[0];
    await Promise.all(
      Array.from({ length: 4 }, () => store.upsertVersion(versionOf(component.id, '1.0.0'), 'fill-missing')),
    );
    assert.equal((await store.listVersions(component.id)).length, 1);
  },

  async 'fill-missing fills blanks, keeps stored values and reports the disagreement'(store) {
    const first = await store.upsertComponent(
      npmComponent('express', { description: 'web framework' }),
      'fill-missing',
    );
    const again = await store.upsertComponent(
      npmComponent('express', { description: 'Fast, minimalist', homepage: 'https://expressjs.com' }),
      'fill-missing',
    );
    assert.equal(again.record.description, 'web framework');
    assert.equal(again.record.homepage, 'https://expressjs.com');
    assert.deepEqual(again.conflicts, [
      {
        entity: 'component',
        key: 'pkg:npm/express',
        field: 'description',
        stored: 'web framework',
        incoming: 'Fast, minimalist',
        kept: 'stored',
      },
    ]);
    const v1 = await store.upsertVersion(
      versionOf(first.record.id, '4.18.2', { declaredLicense: 'MIT' }),
      'fill-missing',
    );
    const v2 = await store.upsertVersion(
      versionOf(first.record.id, '4.18.2', { declaredLicense: 'MIT OR ISC', copyright: '(c) TJ' }),
      'fill-missing',
    );
    assert.equal(v2.created, false);
    assert.equal(v2.record.id, v1.record.id);
    assert.equal(v2.record.declaredLicense, 'MIT');
    assert.equal(v2.record.copyright, '(c) TJ');
    assert.deepEqual(v2.conflicts, [
      {
        entity: 'version',
        key: 'pkg:npm/express@4.18.2',
        field: 'declaredLicense',
        stored: 'MIT',
        incoming: 'MIT OR ISC',
        kept: 'stored',
      },
    ]);
  },

  async 'override replaces stored values, but a blank incoming value never erases one'(store) {
    const c = await store.upsertComponent(
      npmComponent('react', { description: 'old', homepage: 'https://react.dev' }),
      'override',
    );
    const again = await store.upsertComponent(
      npmComponent('react', { description: 'new', homepage: null }),
      'override',
    );
    assert.equal(again.record.description, 'new');
    assert.equal(again.record.homepage, 'https://react.dev');
    assert.equal(again.conflicts[0].kept, 'incoming');
    assert.equal((await store.getComponent(c.record.id))?.description, 'new');
    await store.upsertVersion(versionOf(c.record.id, '18.2.0', { concludedLicense: 'MIT' }), 'override');
    const v = await store.upsertVersion(
      versionOf(c.record.id, '18.2.0', { concludedLicense: 'Apache-2.0' }),
      'override',
    );
    assert.equal(v.record.concludedLicense, 'Apache-2.0');
    await store.setCorrectedLicense(v.record.id, 'MIT');
    assert.equal((await store.getVersion(v.record.id))?.correctedLicense, 'MIT');
  },

  async 'usages: unique per release, version, scope and project; fail, ignore or update'(store) {
    const release = await productWithRelease(store);
    const { record: c } = await store.upsertComponent(npmComponent('chalk'), 'fill-missing');
    const { record: v } = await store.upsertVersion(versionOf(c.id, '5.3.0'), 'fill-missing');
    assert.equal(await store.insertUsages([usageOf(release.id, v.id, { modified: true })]), 1);
    await assert.rejects(store.insertUsages([usageOf(release.id, v.id)]));
    assert.equal(await store.insertUsages([usageOf(release.id, v.id)], 'ignore'), 0);
    await store.insertUsages([usageOf(release.id, v.id, { scope: 'devDependencies' })]);
    await store.insertUsages([usageOf(release.id, v.id, { project: 'web' })]);
    await store.insertUsages([usageOf(release.id, v.id, { chosenLicense: 'MIT', modified: false })], 'update');
    const usages = await store.listUsages(release.id);
    assert.equal(usages.length, 3);
    const main = usages.find((u) => u.scope === 'dependencies' && u.project === '')!;
    assert.equal(main.chosenLicense, 'MIT');
    assert.equal(main.modified, false);
    const patched = await store.updateUsage(main.id, {
      exploitation: 'network',
      linking: 'dynamic',
      description: 'vendored in the UI bundle',
    });
    assert.deepEqual(
      [patched?.exploitation, patched?.linking, patched?.description],
      ['network', 'dynamic', 'vendored in the UI bundle'],
    );
    assert.equal(usages.find((u) => u.project === 'web')?.description, null);
    assert.equal(
      await store.updateUsages(
        usages.map((u) => u.id),
        { status: 'validated' },
      ),
      3,
    );
    assert.ok((await store.listUsages(release.id)).every((u) => u.status === 'validated'));
    assert.equal(await store.deleteUsage(main.id), true);
    assert.equal(await store.deleteUsagesOfRelease(release.id), 2);
  },

  async 'bulk insert of 8k usages crosses chunk boundaries without losing a row'(store) {
    const release = await productWithRelease(store);
    const components = await store.upsertComponents(
      Array.from({ length: 8000 }, (_, i) => npmComponent(`c${i}`)),
      'fill-missing',
    );
    const versions = await store.upsertVersions(
      components.records.map((c) => versionOf(c.id, '1.0.0')),
      'fill-missing',
    );
    assert.equal(versions.created, 8000);
    const written = await store.insertUsages(
      versions.records.map((v, i) => usageOf(release.id, v.id, { project: `p${i % 7}` })),
    );
    assert.equal(written, 8000);
    const usages = await store.listUsages(release.id);
    assert.equal(usages.length, 8000);
    assert.equal(new Set(usages.map((u) => u.versionId)).size, 8000);
  },
};
