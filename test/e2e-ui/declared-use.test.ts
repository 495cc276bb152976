/// <reference lib="dom" />
// Issue 10 item 7 / ADR 31 in a real browser: legal declares how a release shipping a Llama 3.1
// fine-tune is used, on the AI tab, and step 5's use-restriction findings shown beside the
// declaration follow each save (not declared → above the 700M monthly-active-users threshold → below
// it); a guest reads the declaration without an editor; at phone width the form fits.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createProduct, createRelease, createToken, importDocument } from '../../src/services/index.js';
import { launchBrowser, logIn, screenshot, startApp, type App, type Browser } from './harness.js';

const LLAMA_31 = 'LicenseRef-scancode-llama-3.1-license-2024';
const MLBOM = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: { component: { type: 'application', 'bom-ref': 'app', name: 'helpdesk-assistant', version: '2.0.0' } },
  components: [
    {
      type: 'machine-learning-model',
      'bom-ref': 'model',
      name: 'helpdesk-8b',
      version: '1.0',
      purl: 'pkg:huggingface/example/helpdesk-8b@1.0',
      licenses: [{ license: { id: 'Apache-2.0' } }],
      modelCard: {
        modelParameters: { task: 'text-generation' },
        properties: [{ name: 'vigie:ai:lineage', value: 'fine-tuned-from base' }],
      },
    },
    {
      type: 'machine-learning-model',
      'bom-ref': 'base',
      name: 'Llama-3.1-8B',
      version: '3.1',
      purl: 'pkg:huggingface/meta-llama/Llama-3.1-8B@3.1',
      licenses: [{ expression: LLAMA_31 }],
    },
  ],
  dependencies: [
    { ref: 'app', dependsOn: ['model'] },
    { ref: 'model', dependsOn: ['base'] },
  ],
});

let app: App;
let browser: Browser;
let page: Page;
let releaseId: number;
let legalToken: string;

before(async () => {
  app = await startApp();
  const product = await createProduct(app.store, { name: 'Helpdesk assistant', outboundLicenses: ['Apache-2.0'] });
  releaseId = (await createRelease(app.store, { productId: product.id, number: '2.0.0' })).id;
  await importDocument(app.store, releaseId, { content: Buffer.from(MLBOM), fileName: 'helpdesk.cdx.json' });
  legalToken = (await createToken(app.store, { name: 'Lea Legal', role: 'legal' })).secret;
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

after(async () => {
  await browser?.close();
  await app?.close();
});

const findings = () => page.getByRole('region', { name: 'Use restrictions in step 5' }).innerText();

// After a save the editor closes at once and the tab reloads the declaration and the stored run:
// wait for what the new declaration shows rather than for the editor to close.
async function declare(users: string, shown: RegExp, findingsShown: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Edit the declared use' }).click();
  const form = page.getByRole('form', { name: 'Declared use' });
  await form.getByLabel('Commercial use').selectOption('yes');
  await form.getByRole('checkbox', { name: /^Declared/ }).check();
  await form.getByLabel('Monthly active users').fill(users);
  await form.getByLabel('Model outputs train other models').selectOption('no');
  await form.getByLabel('Licensee established in the EU').selectOption('yes');
  await form.getByRole('button', { name: 'Save the declared use' }).click();
  await page.getByRole('region', { name: 'Declared use' }).filter({ hasText: shown }).waitFor();
  await page.getByRole('region', { name: 'Use restrictions in step 5' }).filter({ hasText: findingsShown }).waitFor();
}

test("legal declares the use on the AI tab and step 5's use-restriction findings follow each save", async () => {
  await logIn(page, app.url, legalToken);
  await page.goto(`${app.url}/releases/${releaseId}?tab=ai`);
  await page.getByRole('heading', { name: 'Declared use' }).waitFor();
  assert.match(
    await page.getByRole('region', { name: 'Declared use' }).innerText(),
    /commercial use not declared · fields of use not declared · monthly active users not declared/,
  );
  assert.match(await findings(), /Not declared · meta-llama\/Llama-3\.1-8B@3\.1/);

  // A value that is not a number is refused in the form, and nothing is sent.
  await page.getByRole('button', { name: 'Edit the declared use' }).click();
  await page.getByLabel('Monthly active users').fill('lots');
  await page.getByRole('button', { name: 'Save the declared use' }).click();
  await page.getByRole('alert').filter({ hasText: '"lots" is not a whole number' }).waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();

  await declare('900,000,000', /900,000,000 monthly active users/, /Conflict · /);
  const declared = await page.getByRole('region', { name: 'Declared use' }).innerText();
  assert.match(
    declared,
    /commercial · no sensitive field of use · 900,000,000 monthly active users · outputs train no other model · licensee in the EU/,
  );
  assert.match(declared, /Declared by Lea Legal/);
  const conflict = await findings();
  assert.match(conflict, /Conflict · meta-llama\/Llama-3\.1-8B@3\.1/);
  assert.match(conflict, /900,000,000 monthly active users, above 700,000,000/);
  assert.doesNotMatch(conflict, /Not declared ·/);
  await screenshot(page, '31-declared-use-conflict');

  await declare('5000', /5,000 monthly active users/, /No use restriction/);
  assert.match(await page.getByRole('region', { name: 'Declared use' }).innerText(), /5,000 monthly active users/);
  assert.match(
    await findings(),
    /No use restriction of the release's licences conflicts with this declaration or waits for it/,
  );
  // The stored run moved too: the validation tab lists no use-restriction blocker.
  const validation = await page.evaluate(
    async ([id, token]) =>
      (await fetch(`/api/releases/${id}/validation`, { headers: { authorization: `Bearer ${token}` } })).json(),
    [releaseId, legalToken] as const,
  );
  const kinds = (validation as { steps: { blockers: { kind: string }[] }[] }).steps.flatMap((s) =>
    s.blockers.map((b) => b.kind),
  );
  assert.ok(!kinds.some((k) => k.startsWith('use-')), kinds.join(', '));
});

test('at phone width the declared-use form fits without sideways scrolling', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.goto(`${app.url}/releases/${releaseId}?tab=ai`);
    await page.getByRole('button', { name: 'Edit the declared use' }).click();
    await page.getByRole('form', { name: 'Declared use' }).waitFor();
    const overflow = await page.evaluate(
      () => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth,
    );
    assert.equal(overflow, 0, 'the page scrolls sideways');
    await screenshot(page, '32-declared-use-phone');
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

test('a guest reads the declared use and its findings but gets no editor', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await logIn(page, app.url, app.guestToken);
  await page.goto(`${app.url}/releases/${releaseId}?tab=ai`);
  await page.getByRole('heading', { name: 'Declared use' }).waitFor();
  assert.match(
    await page.getByRole('region', { name: 'Declared use' }).innerText(),
    /5,000 monthly active users[\s\S]*Legal and compliance officers declare the use\./,
  );
  assert.equal(await page.getByRole('button', { name: 'Edit the declared use' }).count(), 0);
  assert.deepEqual(browser.errors, []);
});
