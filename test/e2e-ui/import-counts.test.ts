/// <reference lib="dom" />
// Issue 8 item 20: import counters read as words, on the import form's outcome and on the release's
// Imports tab alike (never the API's camelCase keys such as usagesInserted).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createProduct, createRelease, importDocument } from '../../src/services/index.js';
import { REPO_ROOT } from '../support/corpora.js';
import { startBrowserSession, logIn, type App, type Browser } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
let close: (() => Promise<void>) | undefined;
before(async () => ({ app, browser, page, close } = await startBrowserSession()));
after(() => close?.());

test("the release's import history names its counters in words", async () => {
  const product = await createProduct(app.store, { name: 'Counter app' });
  const release = await createRelease(app.store, { productId: product.id, number: '1.0' });
  const file = 'bsi-two-packages.spdx3.json';
  await importDocument(app.store, release.id, { content: readFileSync(join(REPO_ROOT, 'test/fixtures/sbom-quality', file)), fileName: file });

  await logIn(page, app.url, app.officerToken);
  await page.goto(`${app.url}/releases/${release.id}`);
  await page.getByRole('tab', { name: 'Imports', exact: true }).click();
  const history = page.getByRole('table', { name: 'Import history' });
  await history.getByRole('cell', { name: file }).waitFor();
  const text = await history.innerText();
  assert.match(text, /2 usages added/);
  assert.doesNotMatch(text, /\b[a-z]+[A-Z][a-zA-Z]*\b/, `no camelCase counter in: ${text}`);
  assert.deepEqual(browser.errors, []);
});
