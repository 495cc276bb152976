// The portfolio overview's blocker counts are taken on the worker that reads stored runs; they must
// be what the run's report, read whole, says (two paths computing the same thing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/index.js';
import { createProduct, createRelease, importDocument, portfolioOverview } from './index.js';
import { reportOfRun } from './run-report.js';
import { runBlockerKinds } from './run-blocker-kinds.js';

test("a stored run's blockers counted by step and kind on the worker equal its whole report's", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-kinds-'));
  const store = await openStore({ sqlitePath: join(dir, 'v.db') });
  try {
    const product = await createProduct(store, { name: 'Kinds' });
    const release = await createRelease(store, { productId: product.id, number: '1' });
    // Licences of every sort: permissive, copyleft, unknown, none, a choice, a LicenseRef.
    const licences = ['MIT', 'GPL-3.0-only', 'NOASSERTION', null, 'Apache-2.0 OR GPL-2.0-only', 'LicenseRef-custom'];
    const components = Array.from({ length: 60 }, (_, i) => ({
      type: 'library',
      'bom-ref': `c${i}`,
      name: `c${i}`,
      version: '1.0.0',
      purl: `pkg:npm/c${i}@1.0.0`,
      ...(licences[i % licences.length] ? { licenses: [{ expression: licences[i % licences.length] }] } : {}),
    }));
    await importDocument(store, release.id, {
      content: JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, components }),
      fileName: 'bom.json',
      author: 't',
    });
    const run = (await store.latestValidationRun(release.id))!;
    assert.ok(run.detailsGzip, 'the run keeps its details compressed');
    const whole = new Map<string, number>();
    for (const s of reportOfRun(run).steps)
      for (const b of s.blockers) whole.set(`${s.step} ${b.kind}`, (whole.get(`${s.step} ${b.kind}`) ?? 0) + 1);
    assert.ok(whole.size > 1, `blockers of several kinds: ${[...whole.keys()].join(', ')}`);
    const counted = await runBlockerKinds(store, run);
    assert.deepEqual(new Map(counted.map((c) => [`${c.step} ${c.kind}`, c.count])), whole);
    const [overview] = await portfolioOverview(store);
    assert.equal(
      overview!.blockers.reduce((n, b) => n + b.count, 0),
      run.blockerCount,
      'the overview counts every blocker of the run',
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
