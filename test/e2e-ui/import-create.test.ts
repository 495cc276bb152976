/// <reference lib="dom" />
// Issue 8 item 16 in a real browser: the import form offers "New product…" and "New release…"; the
// upload creates them (a document Vigie cannot read creates nothing) and links to the new release.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createProduct, findReleaseByName, listProducts, listReleases } from '../../src/services/index.js';
import { deepGraphCycloneDx } from '../support/synthetic-graph.js';
import { startBrowserSession, logIn, type App, type Browser } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
let close: (() => Promise<void>) | undefined;
let dir: string;
before(async () => {
  ({ app, browser, page, close } = await startBrowserSession());
  dir = mkdtempSync(join(tmpdir(), 'vigie-import-create-'));
});
after(async () => {
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

test('the import form creates a new product and release with the upload', async () => {
  const bom = join(dir, 'bom.cdx.json');
  writeFileSync(bom, deepGraphCycloneDx({ components: 7, depth: 2 }));
  const junk = join(dir, 'junk.json');
  writeFileSync(junk, '{"hello":"world"}');
  const before = (await listProducts(app.store)).length;

  await logIn(page, app.url, app.officerToken);
  await page.goto(`${app.url}/import`);
  await page.getByLabel('Product', { exact: true }).selectOption({ label: 'New product…' });
  await page.getByLabel('New product name').fill('Kiosk');
  await page.getByLabel('New release number').fill('0.1');
  assert.ok(await page.getByLabel(/Import in the background/).isDisabled(), 'a creating import runs directly');
  await page.getByLabel(/Replace them/).check();

  // An unreadable document: the error is shown and nothing is created.
  await page.getByLabel('SBOM file').setInputFiles(junk);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Import failed' }).waitFor();
  assert.equal((await listProducts(app.store)).length, before);

  await page.getByLabel('SBOM file').setInputFiles(bom);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const outcome = page.getByRole('status').filter({ hasText: 'Imported' });
  await outcome.waitFor();
  assert.match(await outcome.innerText(), /7 usages added/);
  const { release } = await findReleaseByName(app.store, 'Kiosk', '0.1');
  assert.equal(
    await outcome.getByRole('link', { name: 'Open the release' }).getAttribute('href'),
    `/releases/${release.id}`,
  );
  // The refused document's 415 is the only error the browser saw.
  assert.deepEqual(
    browser.errors.map((e) => e.replace(/^\S+: /, '')),
    ['Failed to load resource: the server responded with a status of 415 (Unsupported Media Type)'],
  );
  browser.errors.length = 0;
});

test('a new release of an existing product that has none yet', async () => {
  const product = await createProduct(app.store, { name: 'Bare product' });
  const bom = join(dir, 'bom2.cdx.json');
  writeFileSync(bom, deepGraphCycloneDx({ components: 3, depth: 1 }));
  await page.goto(`${app.url}/import`);
  await page.getByLabel('Product', { exact: true }).selectOption({ label: 'Bare product' });
  await page.getByText('This product has no release yet').waitFor();
  await page.getByLabel('Release', { exact: true }).selectOption({ label: 'New release…' });
  assert.equal(await page.getByLabel('New product name').count(), 0);
  await page.getByLabel('New release number').fill('1.0');
  await page.getByLabel('SBOM file').setInputFiles(bom);
  await page.getByLabel(/Merge with them/).check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
  assert.deepEqual(
    (await listReleases(app.store, product.id)).map((r) => r.number),
    ['1.0'],
  );
  assert.deepEqual(browser.errors, []);
});

test('a document whose reading left part of it out is refused, then imported when accepted', async () => {
  const { release } = await findReleaseByName(app.store, 'Kiosk', '0.1');
  const usagesBefore = (await app.store.listUsages(release.id)).length;
  const bad = join(dir, 'left-out.cdx.json');
  writeFileSync(
    bad,
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: [{ type: 'library', name: 'kept', version: '1.0.0' }, ['not', 'a', 'component']],
    }),
  );
  await page.goto(`${app.url}/import?release=${release.id}`);
  await page.getByLabel('Release', { exact: true }).selectOption({ label: '0.1' });
  await page.getByLabel('SBOM file').setInputFiles(bad);
  await page.getByLabel(/Replace them/).check();
  const accept = page.getByLabel(/Import what could be read/);
  assert.equal(await accept.count(), 0, 'offered only once a document was refused for it');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Import failed' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /left part of the document out \(components\[1\]: expected an object/);
  assert.equal((await app.store.listUsages(release.id)).length, usagesBefore, 'the release keeps its usages');

  await accept.check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const outcome = page.getByRole('status').filter({ hasText: 'Imported' });
  await outcome.waitFor();
  assert.match(await outcome.innerText(), /1 usages added/);
  assert.equal((await app.store.listUsages(release.id)).length, 1);
  assert.deepEqual(
    browser.errors.map((e) => e.replace(/^\S+: /, '')),
    ['Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)'],
  );
  browser.errors.length = 0;
});
