/// <reference lib="dom" />
// Issue 8 item 3 in a real browser: a derogation recorded from a step 5 blocker says which linking
// and which modification it covers (blank: any), and the decisions page shows both.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startBrowserSession, logIn, screenshot, type App } from './harness.js';

let app: App;
let page: Page;
let close: (() => Promise<void>) | undefined;
before(async () => ({ app, page, close } = await startBrowserSession()));
after(() => close?.());

test('a derogation from a blocker card records the linking and modification it covers', async () => {
  await logIn(page, app.url, app.officerToken);
  const bridge = app.releaseIds.get('Proton Mail Bridge 1.8.0')!;
  await page.goto(`${app.url}/releases/${bridge}?tab=validation`);
  const steps = page.getByRole('tablist', { name: 'Validation steps' });
  await steps.waitFor();
  await steps.getByRole('tab', { name: /5\. Policy/ }).click();
  const form = page.getByRole('form', { name: /^Add a derogation for / }).first();
  await form.waitFor();
  const label = (await form.getAttribute('aria-label'))!;
  await form.getByLabel('Linking covered').selectOption('dynamic');
  await form.getByLabel('Modification covered').selectOption('unmodified');
  await form.getByLabel('Justification').fill('Linked dynamically and used as published: legal review 42');
  await screenshot(page, '30-derogation-coverage');
  const before = (await app.store.listDecisions()).length;
  await form.getByRole('button', { name: 'Add a derogation' }).click();
  await page
    .getByRole('form', { name: label })
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  let made;
  for (let i = 0; i < 50 && !made; i++) {
    const decisions = await app.store.listDecisions();
    if (decisions.length > before)
      made = decisions.find((d) => d.type === 'derogation' && d.explanation.includes('legal review 42'));
    else await page.waitForTimeout(100);
  }
  assert.ok(made && made.type === 'derogation', 'the derogation is recorded');
  assert.equal(made.linking, 'dynamic');
  assert.equal(made.modification, 'unmodified');

  await page.goto(`${app.url}/decisions`);
  await page.getByRole('tab', { name: /^Derogations/ }).click();
  await page.getByText(`${made.license} allowed when dynamic linking, unmodified`).first().waitFor();
});
