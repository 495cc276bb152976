// The dependency graph is stored as edges and paths are computed on demand: shortest path from the
// primary component, bounded in length; merges add no edge twice; a 3,000-deep chain stays small.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../store/index.js';
import { deepGraphCycloneDx } from '../../test/support/synthetic-graph.js';
import * as services from './index.js';

const component = (name: string) => ({
  type: 'library',
  'bom-ref': name,
  name,
  version: '1.0.0',
  purl: `pkg:npm/${name}@1.0.0`,
});
// root → a → c, root → b → d → c, e is in the document but nothing depends on it.
const DIAMOND = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: { component: { type: 'application', 'bom-ref': 'root', name: 'app', version: '2.0.0' } },
  components: ['a', 'b', 'c', 'd', 'e'].map(component),
  dependencies: [
    { ref: 'root', dependsOn: ['a', 'b'] },
    { ref: 'a', dependsOn: ['c'] },
    { ref: 'b', dependsOn: ['d'] },
    { ref: 'd', dependsOn: ['c', 'missing-ref'] },
    { ref: 'c', dependsOn: ['a'] },
  ],
});

let dir: string;
let store: Store;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-dependency-paths-'));
  store = await openStore({ sqlitePath: join(dir, 'store.db') });
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function newRelease(name: string): Promise<number> {
  const product = await services.createProduct(store, { name });
  return (await services.createRelease(store, { productId: product.id, number: '1' })).id;
}

async function usageIdsByName(releaseId: number): Promise<Map<string, { usageId: number; versionId: number }>> {
  const bom = await services.releaseBom(store, releaseId);
  const versions = new Map(bom.versions.map((v) => [v.id, v]));
  const names = new Map(bom.components.map((c) => [c.id, c.name]));
  return new Map(
    bom.usages.map((u) => [
      names.get(versions.get(u.versionId)!.componentId)!,
      { usageId: u.id, versionId: u.versionId },
    ]),
  );
}

test('shortest path from the primary component; cycles and unknown refs do not matter; detached components are unreachable', async () => {
  const releaseId = await newRelease('Diamond');
  const outcome = await services.importDocument(store, releaseId, { content: DIAMOND, fileName: 'bom.json' });
  assert.equal(outcome.counts.edgesInserted, 6);
  const ids = await usageIdsByName(releaseId);
  const path = async (name: string) => services.usageDependencyPath(store, releaseId, ids.get(name)!.usageId);
  assert.deepEqual(
    (await path('c')).steps.map((s) => s.name),
    ['a', 'c'],
  );
  assert.deepEqual(
    (await path('d')).steps.map((s) => s.name),
    ['b', 'd'],
  );
  assert.deepEqual(
    (await path('a')).steps.map((s) => s.name),
    ['a'],
  );
  const e = await path('e');
  assert.deepEqual([e.reachable, e.steps, e.length], [false, [], 0]);
  const c = await path('c');
  assert.deepEqual([c.reachable, c.project, c.length, c.omitted, c.steps[1].purl], [true, '', 2, 0, 'pkg:npm/c@1.0.0']);

  const many = await services.dependencyPaths(
    store,
    releaseId,
    [...ids.values()].map((v) => v.versionId),
  );
  assert.equal(many.size, 5);
  assert.equal([...many.values()].filter((p) => p.reachable).length, 4);
});

test('a merge of the same document adds no edge twice; a replace rewrites the graph', async () => {
  const releaseId = await newRelease('Merge');
  await services.importDocument(store, releaseId, { content: DIAMOND, fileName: 'bom.json' });
  const merged = await services.importDocument(store, releaseId, {
    content: DIAMOND,
    fileName: 'bom.json',
    mode: 'merge',
  });
  assert.equal(merged.counts.edgesInserted, 0);
  const replaced = await services.importDocument(store, releaseId, {
    content: DIAMOND,
    fileName: 'bom.json',
    mode: 'replace',
  });
  assert.equal(replaced.counts.edgesInserted, 6);
  assert.equal((await store.listDependencyEdges(releaseId)).length, 6);
});

test('a usage of another release is not found', async () => {
  const one = await newRelease('One');
  const two = await newRelease('Two');
  await services.importDocument(store, one, { content: DIAMOND, fileName: 'bom.json' });
  const ids = await usageIdsByName(one);
  await assert.rejects(services.usageDependencyPath(store, two, ids.get('a')!.usageId), { code: 'not-found' });
});

test('a 3,000-deep chain: paths are bounded and the store stays the size of the document', async () => {
  const chainDir = mkdtempSync(join(tmpdir(), 'vigie-chain-'));
  const chainStore = await openStore({ sqlitePath: join(chainDir, 'store.db') });
  try {
    const product = await services.createProduct(chainStore, { name: 'Chain' });
    const releaseId = (await services.createRelease(chainStore, { productId: product.id, number: '1' })).id;
    const document = deepGraphCycloneDx({ components: 3000, depth: 3000 });
    const outcome = await services.importDocument(chainStore, releaseId, { content: document, fileName: 'chain.json' });
    assert.equal(outcome.counts.edgesInserted, 3000);
    const bom = await services.releaseBom(chainStore, releaseId);
    const deepest = bom.versions.find((v) => v.purl === `pkg:npm/deep-${(2999).toString(36)}@1.0.9`)!;
    const path = (await services.dependencyPaths(chainStore, releaseId, [deepest.id], { maxSteps: 10 })).get(
      deepest.id,
    )!;
    assert.deepEqual([path.length, path.steps.length, path.omitted], [3000, 10, 2990]);
    assert.equal(path.steps[0].name, 'deep-0');
    assert.equal(path.steps[9].versionId, deepest.id);
    await chainStore.close();
    // The stored paths made 42 MB of a 3,000-component chain (60 times its document); edges keep the
    // store within a few times the document, which it also keeps as uploaded, beside the validation run.
    const size = statSync(join(chainDir, 'store.db')).size;
    assert.ok(size < 15 * document.length, `store is ${size} bytes for a ${document.length}-byte document`);
  } finally {
    await chainStore.close();
    rmSync(chainDir, { recursive: true, force: true });
  }
});
