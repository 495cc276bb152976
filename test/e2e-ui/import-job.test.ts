/// <reference lib="dom" />
// Issue 13 item 4 in a real browser: a large SBOM (over 4 MiB) is imported in the background by
// default; the page shows the job waiting for a worker, then the import's counts once a worker ran it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createProduct, createRelease, runWorker } from '../../src/services/index.js';
import { deepGraphCycloneDx } from '../support/synthetic-graph.js';
import { launchBrowser, logIn, screenshot, startApp, type App, type Browser } from './harness.js';

const COMPONENTS = 25_000;

let app: App;
let browser: Browser;
let page: Page;
let dir: string;

before(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  dir = mkdtempSync(join(tmpdir(), 'vigie-import-job-'));
});

after(async () => {
  await browser?.close();
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a large import runs as a job whose progress the import page follows', async () => {
  const product = await createProduct(app.store, { name: 'Large app' });
  const release = await createRelease(app.store, { productId: product.id, number: '3.0' });
  const file = join(dir, 'large.cdx.json');
  writeFileSync(file, deepGraphCycloneDx({ components: COMPONENTS, depth: 500 }));
  assert.ok(statSync(file).size > 4 * 1024 * 1024);

  await logIn(page, app.url, app.officerToken);
  await page.goto(`${app.url}/import?release=${release.id}`);
  await page.getByLabel('SBOM file').setInputFiles(file);
  const background = page.getByLabel(/Import in the background/);
  assert.ok(await background.isChecked(), 'a file of 4 MiB or more is imported in the background by default');
  await page.getByLabel(/Replace them/).check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();

  // No worker runs yet: the job waits, and the page says so.
  const waiting = page.getByText(/Import job \d+: queued, waiting for a worker/);
  await waiting.waitFor({ timeout: 60_000 });
  await screenshot(page, '30-import-job-queued');
  assert.equal(await page.locator('#job-progress').count(), 1);

  assert.equal(await runWorker(app.store, { once: true }), 1);
  const outcome = page.getByRole('status').filter({ hasText: 'Imported' });
  await outcome.waitFor({ timeout: 60_000 });
  assert.match(await outcome.innerText(), new RegExp(`${COMPONENTS} usages added`));
  assert.equal(await page.locator('#job-progress').count(), 0, 'the job line goes once the job ended');
  await screenshot(page, '31-import-job-done');
  assert.deepEqual(browser.errors, []);
});
