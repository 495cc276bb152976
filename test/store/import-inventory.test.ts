// A replace import validates from the inventory it wrote instead of reading it back (issue 13 item 5,
// ADR 28). What it records must be what a validation read from the store gives, and a replace that
// fails late must leave the release exactly as it was: usages, graph, imports' runs. Both dialects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as services from '../../src/services/index.js';
import type { Store } from '../../src/store/index.js';
import { targets } from './support/databases.js';
import { cycloneDxText } from './support/fixtures.js';
import { validateRelease } from '../../src/compliance/index.js';
import { loadReleaseSnapshot } from '../../src/services/release-snapshot.js';

function cyclonedx(names: string[], extra: object[] = []): string {
  const licences = [
    [{ license: { id: 'MIT' } }],
    [{ expression: 'MIT OR Apache-2.0' }],
    [{ license: { name: 'Custom Licence' } }],
    [{ license: { id: 'GPL-3.0-only' } }],
  ];
  const components = [
    ...names.map((n, i) => ({
      type: 'library',
      'bom-ref': n,
      name: n,
      version: `1.${i}.0`,
      purl: `pkg:npm/${n}@1.${i}.0`,
      scope: i % 3 ? 'required' : 'optional',
      licenses: licences[i % 4],
    })),
    ...extra,
  ];
  return cycloneDxText(components, [
    { ref: 'root', dependsOn: names.slice(0, 2) },
    ...names.slice(0, -1).map((n, i) => ({ ref: n, dependsOn: [names[i + 1]] })),
  ]);
}

/** The newest stored run's report as text (its bulky part read), and what validating from a fresh read of the store gives. */
async function storedAndReread(store: Store, releaseId: number): Promise<[string, string]> {
  const stored = await services.releaseValidation(store, releaseId);
  const storedText = JSON.stringify(stored.report);
  const reread = await services.recordValidationRun(store, releaseId, 'manual');
  return [storedText, JSON.stringify(reread.report)];
}

async function releaseState(store: Store, releaseId: number) {
  return {
    usages: await store.listUsages(releaseId),
    edges: (await store.listDependencyEdges(releaseId))
      .map((e) => `${e.project}:${e.parentVersionId}>${e.childVersionId}`)
      .sort(),
    runs: (await store.listValidationRuns(releaseId)).map((r) => r.id),
    imports: (await store.listImports(releaseId)).map((i) => [i.id, i.status]),
  };
}

for (const target of targets()) {
  test(
    `a replace import records the run a read of the store gives, and a late failure changes nothing [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const fresh = await target.fresh();
      try {
        const store = fresh.store;
        const category = await services.createCategory(store, { name: 'Embedded' });
        const product = await services.createProduct(store, { name: 'Shop', categoryIds: [category.id] });
        const release = await services.createRelease(store, { productId: product.id, number: '1.0' });
        await services.setExploitationRule(store, release.id, {
          scope: 'required',
          project: null,
          exploitation: 'distribution',
        });
        await store.setPolicy({
          license: 'MIT',
          allowed: 'always',
          reviewStatus: 'checked',
          comment: null,
          categories: [],
        });
        await store.setPolicy({
          license: 'GPL-3.0-only',
          allowed: 'never',
          reviewStatus: 'checked',
          comment: 'no copyleft',
          categories: [],
        });

        // A component another release already has: the import finds it instead of creating it.
        const other = await services.createRelease(store, { productId: product.id, number: '0.9' });
        await services.importDocument(store, other.id, {
          content: cyclonedx(['shared-0', 'old-1']),
          fileName: 'old.json',
        });

        const first = await services.importDocument(store, release.id, {
          content: cyclonedx(Array.from({ length: 30 }, (_, i) => `first-${i}`)),
          fileName: 'a.json',
        });
        assert.equal(first.counts.usagesInserted, 30);
        const [stored, reread] = await storedAndReread(store, release.id);
        assert.equal(stored, reread);
        assert.match(stored, /GPL-3\.0-only/, 'the run reports the never-allowed licence');

        const before = await releaseState(store, release.id);
        const next = cyclonedx(['shared-0', ...Array.from({ length: 20 }, (_, i) => `second-${i}`)]);
        await assert.rejects(
          services.importDocument(store, release.id, {
            content: next,
            fileName: 'b.json',
            beforeCommit: async (tx, outcome) => {
              assert.equal(
                (await tx.listUsages(outcome.import.releaseId)).length,
                21,
                'everything was written by then',
              );
              throw new Error('disk full (simulated)');
            },
          }),
          /disk full/,
        );
        assert.deepEqual(
          await releaseState(store, release.id),
          before,
          'the failed replace left usages, graph, runs and imports as they were',
        );
        assert.equal(await store.findComponent('pkg:npm/second-0'), null);

        const second = await services.importDocument(store, release.id, { content: next, fileName: 'b.json' });
        assert.deepEqual(
          [second.counts.usagesInserted, second.counts.usagesRemoved, second.counts.componentsCreated],
          [21, 30, 20],
        );
        const [stored2, reread2] = await storedAndReread(store, release.id);
        assert.equal(stored2, reread2);

        // A merge reads the release back (its earlier usages stay): the same agreement.
        await services.importDocument(store, release.id, {
          content: cyclonedx(['merged-0']),
          fileName: 'c.json',
          mode: 'merge',
        });
        const [stored3, reread3] = await storedAndReread(store, release.id);
        assert.equal(stored3, reread3);
        assert.equal((await store.listUsages(release.id)).length, 22);

        // Merging a document again adds no usage and no edge it already has; a new edge is added.
        const edgesBefore = (await store.listDependencyEdges(release.id)).length;
        const again = await services.importDocument(store, release.id, {
          content: next,
          fileName: 'd.json',
          mode: 'merge',
        });
        assert.deepEqual([again.counts.usagesInserted, again.counts.edgesInserted], [0, 0]);
        assert.equal((await store.listDependencyEdges(release.id)).length, edgesBefore);
        const grown = await services.importDocument(store, release.id, {
          content: cyclonedx(['merged-0', 'merged-1']),
          fileName: 'e.json',
          mode: 'merge',
        });
        assert.deepEqual([grown.counts.usagesInserted, grown.counts.edgesInserted], [1, 2]);
      } finally {
        await fresh.dispose();
      }
    },
  );
}

for (const target of targets()) {
  test(
    `the report a recorded run gives its caller, the stored run read back and the engine's agree, generalisations included [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const fresh = await target.fresh();
      try {
        const store = fresh.store;
        const category = await services.createCategory(store, { name: 'Cloud "edge"' });
        const product = await services.createProduct(store, { name: 'Named <recipes>', categoryIds: [category.id] });
        const release = await services.createRelease(store, { productId: product.id, number: '2.0' });
        await services.setExploitationRule(store, release.id, {
          scope: null,
          project: null,
          exploitation: 'distribution',
        });
        await services.importDocument(store, release.id, {
          content: cyclonedx(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']),
          fileName: 'named.cdx.json',
        });
        const recorded = await services.recordValidationRun(store, release.id, 'manual');
        const lists = recorded.steps.flatMap((s) => s.blockers).map((b) => b.fix.generalisations);
        assert.ok(
          lists.some((l) => Array.isArray(l) && l.length > 0),
          'blockers with generalisations',
        );
        assert.ok(
          lists.every((l) => Array.isArray(l)),
          'the caller never sees a recipe name',
        );
        const engine = validateRelease(await loadReleaseSnapshot(store, release.id));
        const storedText = JSON.stringify((await services.releaseValidation(store, release.id)).report);
        assert.equal(JSON.stringify(recorded.report), JSON.stringify(engine));
        assert.equal(storedText, JSON.stringify(engine));
      } finally {
        await fresh.dispose();
      }
    },
  );
}

for (const target of targets()) {
  test(
    `a replace import whose planned versions share one stored version (identities shortened alike) stores each dependency edge once [${target.dialect}]`,
    { skip: target.unavailable },
    async () => {
      const fresh = await target.fresh();
      try {
        const store = fresh.store;
        const product = await services.createProduct(store, { name: 'Shortened' });
        const release = await services.createRelease(store, { productId: product.id, number: '1' });
        // An npm and a PyPI package of one name too long to store: both purls are dropped and both
        // names shortened alike, so the two planned components become one stored component.
        const long = 'n'.repeat(700);
        const library = (ref: string, type: string) => ({
          type: 'library',
          'bom-ref': ref,
          name: long,
          version: '1.0',
          purl: `pkg:${type}/${long}@1.0`,
        });
        const content = cycloneDxText(
          [
            library('npm', 'npm'),
            library('pypi', 'pypi'),
            { type: 'library', 'bom-ref': 'user', name: 'user', version: '2' },
          ],
          [
            { ref: 'root', dependsOn: ['user', 'npm', 'pypi'] },
            { ref: 'user', dependsOn: ['npm', 'pypi'] },
          ],
        );
        await services.importDocument(store, release.id, { content, fileName: 'shortened.cdx.json' });
        const edges = await store.listDependencyEdges(release.id);
        const keys = edges.map((e) => `${e.project}>${e.parentVersionId ?? 'root'}>${e.childVersionId}`);
        assert.equal(new Set(keys).size, keys.length, `a repeated edge among ${keys.join(', ')}`);
        assert.equal(edges.length, 3, 'root → user, root → the shared version, user → the shared version');
      } finally {
        await fresh.dispose();
      }
    },
  );
}
