/// <reference lib="dom" />
// Issue 12 item 1 in a real browser: the release page's "SBOM quality" tab shows a profile's checks
// on the current document with their coverage, and one score row per import (two imports of
// different quality), for a guest, and at 390 px without sideways scroll.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createProduct, createRelease, importDocument } from '../../src/services/index.js';
import { logIn, screenshot, startBrowserSession } from './harness.js';

type Session = Awaited<ReturnType<typeof startBrowserSession>>;
let session: Session;
let releaseId: number;
let currentImport: number;

function sbom(withSuppliers: boolean): string {
  const supplier = withSuppliers ? { supplier: { name: 'ACME' } } : {};
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: {
      timestamp: '2026-12-01T00:00:00Z',
      component: { type: 'application', 'bom-ref': 'root', name: 'app', version: '1.0.0', ...supplier },
    },
    components: ['a', 'b', 'c'].map((n) => ({
      type: 'library',
      'bom-ref': n,
      name: n,
      version: '1.0.0',
      purl: `pkg:npm/${n}@1.0.0`,
      ...supplier,
    })),
    dependencies: [{ ref: 'root', dependsOn: ['a', 'b', 'c'] }],
  });
}

before(async () => {
  session = await startBrowserSession();
  const store = session.app.store;
  const product = await createProduct(store, { name: 'Quality shop' });
  releaseId = (await createRelease(store, { productId: product.id, number: '2.0.0' })).id;
  await importDocument(store, releaseId, { content: sbom(false), fileName: 'poor.cdx.json' });
  currentImport = (await importDocument(store, releaseId, { content: sbom(true), fileName: 'better.cdx.json' })).import
    .id;
});

after(async () => {
  await session?.close();
});

test('the SBOM quality tab shows checks with coverage and a score per import, for a guest and at 390 px', async () => {
  const { page, app, browser } = session;
  const stored = await app.store.listImportQuality([currentImport]);
  const supplier = stored
    .find((q) => q.result.profile === 'ntia-2021')!
    .result.checks.find((c) => c.id === 'ntia.supplier')!;

  await logIn(page, app.url, app.guestToken);
  await page.goto(`${app.url}/releases/${releaseId}?tab=quality`);
  await page.getByLabel('Profile').selectOption('ntia-2021');
  const row = page.locator('[data-check="ntia.supplier"]');
  await row.waitFor();
  assert.match(await row.innerText(), new RegExp(`✓ pass[\\s\\S]*${supplier.covered}/${supplier.total} components`));
  assert.ok(supplier.total >= 3);

  const history = page.getByRole('table', { name: /Score over time \(ntia-2021\)/ });
  const rows = history.locator('tbody tr');
  assert.equal(await rows.count(), 2, 'one point per import');
  assert.match(await rows.nth(0).innerText(), /poor\.cdx\.json/);
  assert.match(await rows.nth(1).innerText(), /better\.cdx\.json/);
  const scores = await history.getByRole('meter').evaluateAll((ms) => ms.map((m) => (m as HTMLMeterElement).value));
  assert.equal(scores.length, 2);
  assert.ok(scores[1]! > scores[0]!, 'suppliers raise the score');
  await screenshot(page, '40-release-quality');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.getByLabel('Profile').selectOption('ntia-2021');
  await page.locator('[data-check="ntia.supplier"]').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scroll at 390 px (${overflow} px too wide)`);
  assert.equal(
    await page
      .getByRole('table', { name: /Score over time/ })
      .locator('tbody tr')
      .count(),
    2,
  );
  await screenshot(page, '40-release-quality-phone');
  assert.deepEqual(browser.errors, []);
});
