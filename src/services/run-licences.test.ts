import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../store/index.js';
import { runLicences } from './run-licences.js';
import { reportOfRun } from './run-report.js';
import { createRelease, importDocument } from './index.js';

let dir: string;
let store: Store;
let releaseId: number;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-run-licences-'));
  store = await openStore({ sqlitePath: join(dir, 'store.db') });
  const product = await store.createProduct({
    name: 'P',
    description: null,
    owner: null,
    categoryIds: [],
    outboundLicenses: [],
  });
  releaseId = (await store.createRelease({ productId: product.id, number: '1' })).id;
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function storeRun(effective: string) {
  const usages = [
    { usageId: 1, expression: `${effective} OR MIT`, effective },
    { usageId: 2, expression: null, effective: null },
  ];
  const report = { releaseId, steps: [], validationStep: 0, blockerCount: 0, usages };
  return store.insertValidationRun({
    releaseId,
    createdAt: new Date().toISOString(),
    reason: 'manual',
    validationStep: 0,
    blockerCount: 0,
    fingerprint: `sha256:${effective}`,
    licenseCounts: {},
    report,
  });
}

/** The real store, counting how often a run is read. */
function counting(): { store: Store; reads: () => number } {
  let reads = 0;
  const wrapped: Store = { ...store, latestValidationRun: (id) => (reads++, store.latestValidationRun(id)) };
  return { store: wrapped, reads: () => reads };
}

test('no run yet: no licences, and no read', async () => {
  const c = counting();
  assert.equal((await runLicences(c.store, releaseId, null, [1, 2])).size, 0);
  assert.equal(c.reads(), 0);
});

test("a page's licences are read once, then served from memory; a usage the run did not resolve is left out", async () => {
  const run = await storeRun('Apache-2.0');
  const c = counting();
  const first = await runLicences(c.store, releaseId, run.id, [1, 2]);
  assert.deepEqual(first.get(1), { effective: 'Apache-2.0', expression: 'Apache-2.0 OR MIT' });
  assert.deepEqual(first.get(2), { effective: null, expression: null });
  assert.equal(c.reads(), 1);
  assert.deepEqual(await runLicences(c.store, releaseId, run.id, [2, 1]), new Map([...first].reverse()));
  assert.equal(c.reads(), 1);
  // Usage 3 is not in the run: read once, then known to be absent.
  assert.deepEqual([...(await runLicences(c.store, releaseId, run.id, [1, 3])).keys()], [1]);
  assert.equal(c.reads(), 2);
  await runLicences(c.store, releaseId, run.id, [3]);
  assert.equal(c.reads(), 2);
});

test('a newer run is read as soon as the BOM names it; an older id read after it landed gets the newer run, not filed under the old id', async () => {
  const older = await storeRun('BSD-3-Clause');
  const c = counting();
  assert.equal((await runLicences(c.store, releaseId, older.id, [1])).get(1)?.effective, 'BSD-3-Clause');
  const newer = await storeRun('GPL-2.0-only');
  assert.equal((await runLicences(c.store, releaseId, newer.id, [1])).get(1)?.effective, 'GPL-2.0-only');
  assert.equal(c.reads(), 2);
  // The page named a run id that is no longer the newest one stored (here: one never stored).
  const newest = await storeRun('MPL-2.0');
  const fresh = counting();
  const seen = newest.id + 1000;
  assert.equal((await runLicences(fresh.store, releaseId, seen, [1])).get(1)?.effective, 'MPL-2.0');
  assert.equal((await runLicences(fresh.store, releaseId, seen, [1])).get(1)?.effective, 'MPL-2.0');
  assert.equal(fresh.reads(), 2, 'not cached under an id that is not the run read');
});

test("a run recorded by an import is answered from the worker, the same as the run's report read whole", async () => {
  const product = await store.createProduct({
    name: 'Q',
    description: null,
    owner: null,
    categoryIds: [],
    outboundLicenses: [],
  });
  const release = await createRelease(store, { productId: product.id, number: '1' });
  const components = ['MIT', 'Apache-2.0 OR MIT', 'GPL-2.0-only', 'NOASSERTION', 'LicenseRef-x'].map((id, i) => ({
    type: 'library',
    'bom-ref': `c${i}`,
    name: `c${i}`,
    version: '1.0.0',
    purl: `pkg:npm/c${i}@1.0.0`,
    licenses: [{ expression: id }],
  }));
  await importDocument(store, release.id, {
    content: JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, components }),
    fileName: 'bom.json',
    author: 't',
  });
  const run = (await store.latestValidationRun(release.id))!;
  assert.ok(run.detailsGzip, 'the import stored its run with its details compressed');
  const whole = reportOfRun(run).usages;
  assert.equal(whole.length, components.length);
  const ids = [...whole.map((u) => u.usageId)].reverse();
  const answered = await runLicences(store, release.id, run.id, [...ids, 999_999]);
  assert.deepEqual(
    [...answered],
    ids.map((id) => {
      const u = whole.find((w) => w.usageId === id)!;
      return [id, { effective: u.effective, expression: u.expression }];
    }),
  );
});
