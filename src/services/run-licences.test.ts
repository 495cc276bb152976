import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../store/index.js';
import { runLicences } from './run-licences.js';

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
  assert.equal((await runLicences(c.store, releaseId, null)).size, 0);
  assert.equal(c.reads(), 0);
});

test("a run's licences are read once, by many concurrent readers, then served from memory", async () => {
  const run = await storeRun('Apache-2.0');
  const c = counting();
  const all = await Promise.all(Array.from({ length: 20 }, () => runLicences(c.store, releaseId, run.id)));
  assert.deepEqual(all[0]!.get(1), { effective: 'Apache-2.0', expression: 'Apache-2.0 OR MIT' });
  assert.deepEqual(all[0]!.get(2), { effective: null, expression: null });
  assert.ok(all.every((m) => m === all[0]));
  assert.equal(c.reads(), 1);
  await runLicences(c.store, releaseId, run.id);
  assert.equal(c.reads(), 1);
});

test('a newer run is read as soon as the BOM names it; an older id read after it landed gets the newer run, not filed under the old id', async () => {
  const older = await storeRun('BSD-3-Clause');
  const c = counting();
  assert.equal((await runLicences(c.store, releaseId, older.id)).get(1)?.effective, 'BSD-3-Clause');
  const newer = await storeRun('GPL-2.0-only');
  assert.equal((await runLicences(c.store, releaseId, newer.id)).get(1)?.effective, 'GPL-2.0-only');
  assert.equal(c.reads(), 2);
  // The page named a run id that is no longer the newest one stored (here: one never stored).
  const newest = await storeRun('MPL-2.0');
  const fresh = counting();
  const seen = newest.id + 1000;
  assert.equal((await runLicences(fresh.store, releaseId, seen)).get(1)?.effective, 'MPL-2.0');
  assert.equal((await runLicences(fresh.store, releaseId, seen)).get(1)?.effective, 'MPL-2.0');
  assert.equal(fresh.reads(), 2, 'not cached under an id that is not the run read');
});
