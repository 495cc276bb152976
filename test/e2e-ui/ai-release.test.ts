/// <reference lib="dom" />
// Issue 10 item 7 in a real browser: a release shipping a fine-tuned model shows its AI tab — the
// model with its card, the dataset with its facts, the lineage between them and the declared use —
// and a guest reads it too. The ML-BOM is the hand-written test/fixtures/ai/complete-mlbom.cdx.json.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createProduct, createRelease, importDocument, setReleaseUse } from '../../src/services/index.js';
import { launchBrowser, logIn, ROOT, screenshot, startApp, type App, type Browser } from './harness.js';

let app: App;
let browser: Browser;
let page: Page;
let releaseId: number;

before(async () => {
  app = await startApp();
  const product = await createProduct(app.store, { name: 'Invoice reader', outboundLicenses: ['Apache-2.0'] });
  const release = await createRelease(app.store, { productId: product.id, number: '3.1.0' });
  releaseId = release.id;
  await importDocument(app.store, releaseId, {
    content: readFileSync(join(ROOT, 'test/fixtures/ai/complete-mlbom.cdx.json')),
    fileName: 'complete-mlbom.cdx.json',
  });
  await setReleaseUse(
    app.store,
    releaseId,
    { commercial: true, fieldsOfUse: [], monthlyActiveUsers: 5000, licenseeInEu: true },
    'e2e',
  );
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

after(async () => {
  await browser?.close();
  await app?.close();
});

test('the AI tab shows the model card, the dataset facts, the lineage and the declared use', async () => {
  await logIn(page, app.url, app.officerToken);
  await page.goto(`${app.url}/releases/${releaseId}?tab=ai`);
  await page.getByRole('heading', { name: 'Models' }).waitFor();
  const model = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'example/invoice-field-extractor@2.0.0' }) });
  const card = await model.innerText();
  assert.match(card, /Task\s+token-classification/);
  assert.match(card, /Parameters\s+125,000,000/);
  assert.match(card, /Architecture\s+LayoutLMv3ForTokenClassification · layoutlm/);
  assert.match(card, /Apache-2\.0/);
  const dataset = await page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'synthetic-invoices@2025.1' }) })
    .innerText();
  assert.match(dataset, /CDLA-Permissive-2\.0/);
  assert.match(dataset, /Modalities\s+image/);
  assert.match(dataset, /Size\s+10K<n<100K/);
  const lineage = (await page.getByRole('list', { name: 'Lineage graph' }).innerText()).replace(/\s+/g, ' ');
  assert.match(
    lineage,
    /^example\/invoice-field-extractor@2\.0\.0 model Apache-2\.0 trained on synthetic-invoices@2025\.1 dataset CDLA-Permissive-2\.0$/,
  );
  assert.match(
    await page.getByRole('region', { name: 'Declared use' }).innerText(),
    /commercial · no sensitive field of use · 5,000 monthly active users · training on outputs not declared · licensee in the EU/,
  );
  await screenshot(page, '30-release-ai');

  // A guest reads the same tab; a reload keeps it.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await logIn(page, app.url, app.guestToken);
  await page.goto(`${app.url}/releases/${releaseId}?tab=ai`);
  await page.reload();
  await page.getByRole('heading', { name: 'example/invoice-field-extractor@2.0.0' }).waitFor();
  assert.deepEqual(browser.errors, []);
});

test('a guest downloads the Annex XII information of the model as Markdown from the AI tab', async () => {
  await page.goto(`${app.url}/releases/${releaseId}?tab=ai`);
  const documents = page.getByRole('group', { name: 'AI Act documents of example/invoice-field-extractor@2.0.0' });
  const response = page.waitForResponse(
    (r) => r.url().includes(`/api/releases/${releaseId}/ai/models/`) && r.url().includes('/annex-xii?format=md'),
  );
  const download = page.waitForEvent('download');
  await documents.getByRole('button', { name: 'Annex XII information (Markdown)' }).click();
  assert.equal((await response).status(), 200);
  assert.match((await response).headers()['content-type'] ?? '', /^text\/markdown/);
  assert.equal((await download).suggestedFilename(), 'Invoice_reader-3.1.0-invoice-field-extractor-2.0.0-annex-xii.md');
  const text = readFileSync((await (await download).path())!, 'utf8');
  assert.match(text, /^# Information for downstream providers: example\/invoice-field-extractor@2\.0\.0$/m);
  assert.match(text, /^## 1\(h\) Licence of the model$/m);

  // The training-content summary as JSON, from the same group.
  const json = page.waitForEvent('download');
  await documents.getByRole('button', { name: 'Training-content summary (JSON)' }).click();
  const summary = JSON.parse(readFileSync((await (await json).path())!, 'utf8'));
  assert.equal(summary.model, 'example/invoice-field-extractor@2.0.0');
  assert.ok(
    summary.sections.some(
      (s: { id: string; title: string }) => s.id === '2.1' && s.title === 'Publicly available datasets',
    ),
  );
  assert.deepEqual(browser.errors, []);
});
