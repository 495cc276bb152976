/// <reference lib="dom" />
// Issue 8 item 20, as a user meets it: the login page's token hint is a command that works as
// written; the import form chooses no release and no replace/merge for the user; import counters
// read as words on the release's Imports tab (never the API's camelCase keys such as usagesInserted).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createProduct, createRelease, importDocument } from '../../src/services/index.js';
import { REPO_ROOT } from '../support/corpora.js';
import { vigie } from '../cli/run-cli.js';
import { startBrowserSession, logIn, type App, type Browser } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
let close: (() => Promise<void>) | undefined;
before(async () => ({ app, browser, page, close } = await startBrowserSession()));
after(() => close?.());

test("the login page's token hint runs as written", async () => {
  await page.goto(app.url);
  const hint = await page.locator('#token-help code').first().innerText();
  assert.match(hint, /^vigie token create /);
  const args = hint.replace('<your name>', 'Ada').split(' ').slice(1);
  const dir = mkdtempSync(join(tmpdir(), 'vigie-hint-'));
  try {
    const r = await vigie([...args, '--db', join(dir, 'vigie.db')], dir);
    assert.equal(r.code, 0, `${hint}: ${r.stderr}`);
    assert.match(r.stdout, /^vigie_\S+/, 'the token secret is printed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the release's import history names its counters in words", async () => {
  const product = await createProduct(app.store, { name: 'Counter app' });
  const release = await createRelease(app.store, { productId: product.id, number: '1.0' });
  const file = 'bsi-two-packages.spdx3.json';
  await importDocument(app.store, release.id, {
    content: readFileSync(join(REPO_ROOT, 'test/fixtures/sbom-quality', file)),
    fileName: file,
  });

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

test('the import form chooses neither the release nor replace/merge for the user', async () => {
  await page.goto(`${app.url}/import`); // signed in by the test above
  await page.getByRole('form', { name: 'Import an SBOM' }).waitFor();
  assert.equal(await page.locator('#import-release').inputValue(), '', 'no release is preselected');
  assert.equal(await page.getByLabel(/Replace them/).isChecked(), false, 'replacing a BOM is never the default');
  assert.equal(await page.getByLabel(/Merge with them/).isChecked(), false);
  assert.deepEqual(browser.errors, []);
});
