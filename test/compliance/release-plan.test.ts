// planImport's deduplication: versions of one component, a version listed under two refs, a parent
// with many children listed twice, self and dangling dependencies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSbom } from '../../src/sbom/read.js';
import { planImport } from '../../src/compliance/release-plan.js';

const children = Array.from({ length: 20 }, (_, i) => `c${i}`);
const document = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  metadata: { component: { type: 'application', 'bom-ref': 'root', name: 'app', version: '1' } },
  components: [
    { type: 'library', 'bom-ref': 'a1', name: 'a', version: '1', purl: 'pkg:npm/a@1' },
    { type: 'library', 'bom-ref': 'a2', name: 'a', version: '2', purl: 'pkg:npm/a@2' },
    // The same version of the same component again, under another ref (a qualifier is no identity).
    { type: 'library', 'bom-ref': 'a1-jar', name: 'a', version: '1', purl: 'pkg:npm/a@1?type=tgz' },
    ...children.map((ref) => ({ type: 'library', 'bom-ref': ref, name: ref, version: '1', purl: `pkg:npm/${ref}@1` })),
  ],
  dependencies: [
    { ref: 'root', dependsOn: ['a1', 'a1-jar'] },
    { ref: 'a1', dependsOn: [...children, 'c0', 'missing', 'a1-jar'] },
    { ref: 'a1-jar', dependsOn: ['c0', 'c19', 'a2'] },
    { ref: 'a2', dependsOn: ['c5', 'c5'] },
  ],
});

test('planImport keeps one version per number, one usage per version and each edge once', () => {
  const plan = planImport(readSbom(document, 'plan.cdx.json').sbom);
  assert.deepEqual(
    plan.components.map((c) => c.purl),
    ['pkg:npm/a', ...children.map((c) => `pkg:npm/${c}`)],
  );
  assert.deepEqual(
    plan.versions.map((v) => [v.component, v.number, v.purl]),
    [[0, '1', 'pkg:npm/a@1'], [0, '2', 'pkg:npm/a@2'], ...children.map((c, i) => [i + 1, '1', `pkg:npm/${c}@1`])],
  );
  assert.deepEqual(
    plan.usages,
    plan.versions.map((_, i) => ({ version: i, scope: '', project: '' })),
  );
  assert.deepEqual(plan.edges, [
    { parent: null, child: 0, project: '' },
    ...children.map((_, i) => ({ parent: 0, child: i + 2, project: '' })),
    { parent: 0, child: 1, project: '' },
    { parent: 1, child: 7, project: '' },
  ]);
});

test('planImport with a forced project and scope puts every usage there', () => {
  const plan = planImport(readSbom(document, 'plan.cdx.json').sbom, 'api', 'runtime');
  assert.equal(plan.usages.length, plan.versions.length);
  assert.ok(plan.usages.every((u) => u.project === 'api' && u.scope === 'runtime'));
  assert.deepEqual(plan.edges[0], { parent: null, child: 0, project: 'api' });
  assert.equal(plan.edges.length, 23);
});

test('parts nested in the primary component (metadata.component.components) are usages; its projects and files are not', () => {
  // A valid CycloneDX shape: the product lists what it is made of under metadata.component and
  // has no top-level components. check and import used to see an empty release ("compliant").
  const nested = JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    metadata: {
      component: {
        type: 'application',
        'bom-ref': 'app',
        name: 'app',
        version: '2',
        components: [
          {
            type: 'library',
            'bom-ref': 'left-pad',
            name: 'left-pad',
            version: '1.3.0',
            purl: 'pkg:npm/left-pad@1.3.0',
          },
          { type: 'application', 'bom-ref': 'api', name: 'api', version: '2', purl: 'pkg:npm/api@2' },
          { type: 'file', 'bom-ref': 'readme', name: 'README.md' },
        ],
      },
    },
    components: [{ type: 'library', 'bom-ref': 'zod', name: 'zod', version: '3.0.0', purl: 'pkg:npm/zod@3.0.0' }],
    // The primary depends on api: a project of the release, not a third-party usage.
    dependencies: [
      { ref: 'app', dependsOn: ['api'] },
      { ref: 'api', dependsOn: ['zod'] },
    ],
  });
  const plan = planImport(readSbom(nested, 'nested.cdx.json').sbom);
  assert.deepEqual(plan.versions.map((v) => v.purl).sort(), ['pkg:npm/left-pad@1.3.0', 'pkg:npm/zod@3.0.0']);
});
