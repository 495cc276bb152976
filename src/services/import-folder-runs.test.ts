// A project folder imported into a release records the release's validation run and scan like an
// SBOM import does: the release's validation and findings follow what it now holds, never what it held
// before (found by trying `vigie import <folder>`: the views kept the previous document's run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/index.js';
import { createProduct, createRelease } from './portfolio.js';
import { importDocument, importProjectFolder, importProjectFolderByName } from './import-release.js';
import { recordValidationRun } from './validation-runs.js';

const lockfile = JSON.stringify({
  name: 'app',
  version: '1.0.0',
  lockfileVersion: 3,
  packages: {
    '': { name: 'app', version: '1.0.0', dependencies: { 'left-pad': '^1.3.0', 'gpl-thing': '^2.0.0' } },
    'node_modules/left-pad': { version: '1.3.0', license: 'WTFPL' },
    'node_modules/gpl-thing': { version: '2.0.1', license: 'GPL-3.0-only' },
  },
});

const sbom = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: { component: { type: 'application', 'bom-ref': 'root', name: 'app', version: '1.0.0' } },
  components: [
    {
      type: 'library',
      'bom-ref': 'a',
      name: 'only-before',
      version: '1.0.0',
      purl: 'pkg:npm/only-before@1.0.0',
      licenses: [{ license: { id: 'MIT' } }],
    },
  ],
  dependencies: [{ ref: 'root', dependsOn: ['a'] }],
});

test('a project folder import records the release validation run and its scan', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-folder-run-'));
  const store = await openStore({ sqlitePath: ':memory:' });
  try {
    writeFileSync(join(dir, 'package-lock.json'), lockfile);
    const product = await createProduct(store, { name: 'App' });
    const release = await createRelease(store, { productId: product.id, number: '1.0.0' });
    await importDocument(store, release.id, { content: sbom, fileName: 'app.cdx.json', author: 'test' });
    const before = await store.latestValidationRun(release.id);
    const scanBefore = await store.getReleaseScan(release.id);
    assert.ok(before && scanBefore, 'the SBOM import recorded a run and a scan');

    await importProjectFolder(store, release.id, { path: dir, author: 'test' });
    const after = await store.latestValidationRun(release.id);
    assert.ok(after && after.id > before.id, 'the folder import recorded a new run');
    assert.equal(after.reason, 'import');
    // The run is the release as it now is: the same as one recorded afresh.
    const fresh = await recordValidationRun(store, release.id, 'manual');
    assert.equal(after.blockerCount, fresh.blockerCount);
    assert.deepEqual(after.licenseCounts, fresh.run!.licenseCounts);
    assert.deepEqual(Object.keys(after.licenseCounts).sort(), ['GPL-3.0-only', 'WTFPL']);
    const scanAfter = await store.getReleaseScan(release.id);
    assert.ok(scanAfter && scanAfter.fingerprint !== scanBefore.fingerprint, 'the folder import rescanned');

    // By name, creating the release: a run from the start.
    const named = await importProjectFolderByName(
      store,
      { product: 'App', release: '2.0.0', create: true },
      { path: dir, author: 'test' },
    );
    const run = await store.latestValidationRun(named.import.releaseId);
    assert.equal(run?.reason, 'import');
    assert.ok(await store.getReleaseScan(named.import.releaseId), 'the new release was scanned');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
