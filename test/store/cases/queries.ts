import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readsCorpora, type ContractCase } from '../support/contract.js';
import type { Store } from '../../../src/store/index.js';
import { readSbom } from '../../../src/sbom/read.js';
import { allComponents } from '../../../src/sbom/graph.js';
import { componentIdentity } from '../../../src/model/component-identity.js';
import { corpus, whenCorpora } from '../../support/corpora.js';
import { productWithRelease, useComponent } from '../support/fixtures.js';

const keycloak = whenCorpora(
  () => readSbom(readFileSync(corpus('sboms/cyclonedx/bom-examples/SBOM/keycloak-10.0.2/bom.json'), 'utf8')).sbom,
);

/** Stores the components of a real SBOM as the usages of one release (a bare-bones import). */
async function importKeycloak(store: Store, releaseId: number) {
  const rows = allComponents(keycloak).flatMap((c) => {
    const id = componentIdentity(c);
    if (!id.purl || !c.version) return [];
    return [{ c, id }];
  });
  const components = await store.upsertComponents(
    rows.map(({ c, id }) => ({
      purlType: id.purlType,
      namespace: id.namespace,
      name: id.name,
      purl: id.purl,
      description: c.description ?? null,
      homepage: null,
      language: null,
    })),
    'fill-missing',
  );
  const versions = await store.upsertVersions(
    rows.map((r, i) => ({
      componentId: components.records[i].id,
      number: r.c.version!,
      purl: r.c.purl ?? null,
      declaredLicense: r.c.licenses.declared?.raw ?? r.c.licenses.concluded?.raw ?? null,
      concludedLicense: null,
      correctedLicense: null,
      copyright: null,
    })),
    'fill-missing',
  );
  const unique = [...new Map(versions.records.map((v) => [v.id, v])).values()];
  await store.insertUsages(
    unique.map((v) => ({
      releaseId,
      versionId: v.id,
      scope: 'required',
      project: '',
      linking: null,
      modified: null,
      exploitation: null,
      chosenLicense: null,
      status: 'auto',
      addedBy: 'import',
    })),
  );
  return { rows, unique };
}

export const queryCases: Record<string, ContractCase> = {
  'a real SBOM (keycloak 10.0.2): which releases ship a component, by purl, name and version': readsCorpora(
    async (store) => {
      const r1 = await productWithRelease(store, 'Keycloak', '10.0.2');
      const { rows, unique } = await importKeycloak(store, r1.id);
      assert.ok(unique.length > 100);
      assert.equal((await store.listUsages(r1.id)).length, unique.length);
      const sample = rows.find((r) => r.c.purl?.includes('jackson-databind'))!;
      assert.ok(sample, 'keycloak ships jackson-databind');
      const byPurl = await store.releasesContaining({ purl: sample.c.purl! });
      assert.deepEqual(
        byPurl.map((h) => [h.productName, h.release.number, h.version.number]),
        [['Keycloak', '10.0.2', sample.c.version]],
      );
      assert.deepEqual(byPurl[0].usages, [{ project: '', scope: 'required' }]);
      assert.equal((await store.releasesContaining({ name: 'jackson-databind' })).length, 1);
      assert.equal((await store.releasesContaining({ name: 'jackson-databind', versions: ['0.0.1'] })).length, 0);
      assert.equal(
        (await store.releasesContaining({ name: 'jackson-databind', versionMatches: (v) => v === sample.c.version }))
          .length,
        1,
      );
      assert.equal((await store.releasesContaining({ name: 'no-such-component' })).length, 0);
      // The displayed name (namespace/name), and a part of it, find the component too.
      const displayed = `${sample.id.namespace}/${sample.id.name}`;
      assert.equal((await store.releasesContaining({ name: displayed })).length, 1);
      assert.equal((await store.releasesContaining({ nameContains: 'JACKSON-DATABIND' })).length, 1);
      assert.equal((await store.releasesContaining({ nameContains: '100%_' })).length, 0);
      // The purl with its qualifiers names the same component (identity ignores qualifiers).
      assert.equal(
        (await store.releasesContaining({ purl: `${sample.id.purl}@${sample.c.version}?type=jar&classifier=x` }))
          .length,
        1,
      );

      const declared = await store.licenseDistribution('declared', r1.id);
      assert.equal(
        declared.reduce((n, d) => n + d.usages, 0),
        unique.length,
      );
      const expectedApache = unique.filter((v) => v.declaredLicense === 'Apache-2.0').length;
      assert.equal(declared.find((d) => d.license === 'Apache-2.0')?.usages ?? 0, expectedApache);
      const chosen = await store.licenseDistribution('chosen', r1.id);
      assert.deepEqual(chosen, [{ license: null, usages: unique.length }]);
    },
  ),

  async 'most used components count releases and usages'(store) {
    const r1 = await productWithRelease(store, 'A');
    const r2 = await productWithRelease(store, 'B');
    await useComponent(store, r1.id, 'lodash', ['4.17.20', '4.17.21']);
    await useComponent(store, r2.id, 'lodash', ['4.17.21']);
    await useComponent(store, r2.id, 'chalk', ['5.0.0', '5.1.0', '5.2.0']);
    const top = await store.mostUsedComponents(10);
    assert.deepEqual(
      top.map((t) => [t.component.name, t.releases, t.usages]),
      [
        ['lodash', 2, 3],
        ['chalk', 1, 3],
      ],
    );
    assert.equal((await store.mostUsedComponents(1)).length, 1);
    const hits = await store.releasesContaining({ purl: 'pkg:npm/lodash@4.17.21' });
    assert.deepEqual(
      hits.map((h) => [h.release.id, h.version.number]),
      [
        [r1.id, '4.17.21'],
        [r2.id, '4.17.21'],
      ],
    );
    assert.equal((await store.releasesContaining({ purl: 'pkg:npm/lodash' })).length, 3);
    assert.equal((await store.releasesContaining({ purl: 'pkg:npm/lodash', versions: ['4.17.20'] })).length, 1);
  },

  async 'release-to-release diff: added, removed, version and choice changes'(store) {
    const r1 = await productWithRelease(store, 'A', '1.0');
    const r2 = await store.createRelease({ productId: r1.productId, number: '2.0' });
    await useComponent(store, r1.id, 'lodash', ['4.17.20']);
    await useComponent(store, r2.id, 'lodash', ['4.17.21']);
    await useComponent(store, r1.id, 'left-pad', ['1.3.0']);
    await useComponent(store, r2.id, 'chalk', ['5.3.0']);
    await useComponent(store, r1.id, 'xmldom', ['0.8.0'], { chosenLicense: 'LGPL-2.0-or-later' });
    await useComponent(store, r2.id, 'xmldom', ['0.8.0'], { chosenLicense: 'MIT' });
    const diff = await store.diffReleases(r1.id, r2.id);
    assert.deepEqual(
      diff.added.map((u) => `${u.component}@${u.version}`),
      ['pkg:npm/chalk@5.3.0'],
    );
    assert.deepEqual(
      diff.removed.map((u) => `${u.component}@${u.version}`),
      ['pkg:npm/left-pad@1.3.0'],
    );
    assert.deepEqual(diff.versionChanged, [
      { component: 'pkg:npm/lodash', project: '', scope: 'dependencies', from: '4.17.20', to: '4.17.21' },
    ]);
    assert.deepEqual(diff.choiceChanged, [
      {
        component: 'pkg:npm/xmldom',
        version: '0.8.0',
        project: '',
        scope: 'dependencies',
        from: 'LGPL-2.0-or-later',
        to: 'MIT',
      },
    ]);
  },

  async 'release data: usages with their versions and components, rules and policies'(store) {
    const release = await productWithRelease(store);
    const { component, versions } = await useComponent(store, release.id, 'lodash', ['4.17.21']);
    const elsewhere = await productWithRelease(store, 'Other');
    await useComponent(store, elsewhere.id, 'react', ['18.2.0']);
    const rule = await store.createExploitationRule({
      releaseId: release.id,
      scope: null,
      project: null,
      exploitation: 'distribution-binary',
    });
    await store.setPolicy({
      license: 'MIT',
      allowed: 'always',
      reviewStatus: 'checked',
      comment: null,
      categories: [],
    });
    const data = await store.loadReleaseData(release.id);
    assert.deepEqual(data?.components, [component]);
    assert.deepEqual(data?.versions, versions);
    assert.equal(data?.usages.length, 1);
    assert.deepEqual(data?.exploitationRules, [rule]);
    assert.deepEqual(
      data?.policies.map((p) => p.license),
      ['MIT'],
    );
    assert.equal(data?.product.name, 'Acme Portal');
  },
  async 'BOM page: usages in id order with their versions and components, the total, and null for no release'(store) {
    const release = await productWithRelease(store);
    const lodash = await useComponent(store, release.id, 'lodash', ['4.17.20', '4.17.21']);
    const react = await useComponent(store, release.id, 'react', ['18.2.0']);
    const elsewhere = await productWithRelease(store, 'Other');
    await useComponent(store, elsewhere.id, 'vue', ['3.4.0']);
    const whole = await store.loadReleaseData(release.id);
    const expected = whole!.usages.map((usage) => {
      const version = whole!.versions.find((v) => v.id === usage.versionId)!;
      return { usage, version, component: whole!.components.find((c) => c.id === version.componentId)! };
    });
    assert.deepEqual(
      expected.map((e) => `${e.component.name}@${e.version.number}`),
      ['lodash@4.17.20', 'lodash@4.17.21', 'react@18.2.0'],
    );
    assert.deepEqual(expected[2]!.component, react.component);
    assert.deepEqual(expected[0]!.version, lodash.versions[0]);

    assert.deepEqual(await store.releaseBomPage(release.id, { limit: 500, offset: 0 }), {
      total: 3,
      latestRunId: null,
      entries: expected,
    });
    assert.deepEqual(await store.releaseBomPage(release.id, { limit: 2, offset: 0 }), {
      total: 3,
      latestRunId: null,
      entries: expected.slice(0, 2),
    });
    assert.deepEqual(await store.releaseBomPage(release.id, { limit: 2, offset: 2 }), {
      total: 3,
      latestRunId: null,
      entries: expected.slice(2),
    });
    assert.deepEqual(await store.releaseBomPage(release.id, { limit: 2, offset: 9 }), {
      total: 3,
      latestRunId: null,
      entries: [],
    });
    const empty = await productWithRelease(store, 'Empty');
    assert.deepEqual(await store.releaseBomPage(empty.id, { limit: 10, offset: 0 }), {
      total: 0,
      latestRunId: null,
      entries: [],
    });
    // The page names the release's newest validation run (the BOM shows its resolved licences).
    const run = (n: number) => ({
      releaseId: release.id,
      createdAt: `2026-12-0${n}T00:00:00Z`,
      reason: 'manual',
      validationStep: 0,
      blockerCount: 0,
      fingerprint: `sha256:${n}`,
      licenseCounts: {},
      report: { usages: [] },
    });
    await store.insertValidationRun(run(1));
    const newest = await store.insertValidationRun(run(2));
    await store.insertValidationRun({ ...run(3), releaseId: elsewhere.id });
    assert.equal((await store.releaseBomPage(release.id, { limit: 1, offset: 0 }))?.latestRunId, newest.id);
    assert.equal(await store.releaseBomPage(9999, { limit: 10, offset: 0 }), null);
  },
};
